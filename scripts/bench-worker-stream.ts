/**
 * Pull or push from an engine worker, on a main thread that is kept busy the way a streaming panel keeps the offscreen
 * document's thread busy. WebLLM's own client pulls: the worker decodes the next token only when the page asks for it
 * (a round trip through the page's main thread per token). Tacit's worker decodes on and pushes its text.
 * An emulation in Chromium: the worker spends `decodeMs` per token; the page is busy `busyMs` of every 50 ms.
 */
import { openBenchBrowser } from './bench-browser';

export interface WorkerStreamFigures {
  decodeMs: number;
  tokens: number;
  /** Tokens per second reaching the page, by how busy its main thread was (ms of every 50 ms). */
  rows: Array<{ busyMsPer50: number; pullTokensPerSecond: number; pushTokensPerSecond: number }>;
}

const WORKER = `
const busy = (ms) => { const end = performance.now() + ms; while (performance.now() < end); };
onmessage = ({ data }) => {
  if (data.mode === 'pull') { busy(data.decodeMs); postMessage('token'); return; }
  for (let token = 0; token < data.tokens; token++) { busy(data.decodeMs); postMessage('token'); }
};`;

const PAGE = `<!doctype html><script>
const busy = (ms) => { const end = performance.now() + ms; while (performance.now() < end); };
window.measure = (mode, decodeMs, tokens, busyMs) => new Promise((resolve) => {
  const worker = new Worker(URL.createObjectURL(new Blob([${JSON.stringify(WORKER)}], { type: 'text/javascript' })));
  const load = busyMs > 0 ? setInterval(() => busy(busyMs), 50) : undefined;
  let received = 0;
  const started = performance.now();
  worker.onmessage = () => {
    received++;
    if (received === tokens) {
      clearInterval(load);
      worker.terminate();
      resolve(tokens / ((performance.now() - started) / 1000));
    } else if (mode === 'pull') worker.postMessage({ mode, decodeMs });
  };
  worker.postMessage({ mode, decodeMs, tokens });
});
</script>`;

export async function measureWorkerStream(decodeMs = 10, tokens = 200): Promise<WorkerStreamFigures> {
  const bench = await openBenchBrowser((name) => (name === 'stream.html' ? PAGE : null));
  try {
    await bench.page.goto(`${bench.origin}/stream.html`);
    const rows: WorkerStreamFigures['rows'] = [];
    for (const busyMsPer50 of [0, 20, 40]) {
      const rate = (mode: 'pull' | 'push') =>
        bench.page.evaluate(
          ([m, d, t, b]) =>
            (window as unknown as { measure(m: string, d: number, t: number, b: number): Promise<number> }).measure(
              m,
              d,
              t,
              b,
            ),
          [mode, decodeMs, tokens, busyMsPer50] as const,
        );
      rows.push({
        busyMsPer50,
        pullTokensPerSecond: Math.round(await rate('pull')),
        pushTokensPerSecond: Math.round(await rate('push')),
      });
    }
    return { decodeMs, tokens, rows };
  } finally {
    await bench.close();
  }
}
