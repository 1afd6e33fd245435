/**
 * What the pipeline benchmark measures with: scripted replies whose every token carries a marker (`<prefix><n>`, a
 * prefix per run so an earlier reply still on screen never counts) that stays visible once rendered, the in-page probe
 * that notes when each marker reaches the screen, latency and chunk sums.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { percentile } from './bench-browser';

export interface ScriptedReply {
  tokens: string[];
  /** The largest marker in each token: it is on screen once the screen shows that marker or a later one. */
  markers: number[];
}

function largestMarker(text: string, prefix: string): number {
  let largest = -1;
  for (const match of text.matchAll(new RegExp(`${prefix}(\\d+)`, 'g'))) largest = Math.max(largest, Number(match[1]));
  return largest;
}

/** `count` plain words, one token each: the flood. */
export function plainReply(count: number, prefix: string): ScriptedReply {
  const tokens = Array.from({ length: count }, (_, index) => `${prefix}${index + 1} `);
  return { tokens, markers: tokens.map((_, index) => index + 1) };
}

/**
 * A Markdown-heavy reply of `count` tokens: headings, emphasis, inline code, links, nested and numbered lists, code
 * fences, tables and quotes. Every word is a marker; syntax that carries no marker joins the next token.
 */
export function markdownReply(count: number, prefix: string): ScriptedReply {
  let next = 1;
  const word = () => `${prefix}${next++}`;
  const words = (n: number) => Array.from({ length: n }, word).join(' ');
  const blocks: Array<() => string> = [
    () => `## ${words(4)}\n\n`,
    () =>
      `${words(6)} **${words(3)}** ${words(5)} *${words(2)}* \`${word()}\` ${words(4)} ` +
      `[${word()}](https://example.com/${next}) ${words(8)}.\n\n`,
    () => `- ${words(6)}\n- ${words(5)} **${words(2)}**\n  - ${words(4)}\n  - ${words(3)}\n- ${words(7)}\n\n`,
    () => `1. ${words(5)}\n2. ${words(6)}\n3. \`${word()}\` ${words(4)}\n\n`,
    () =>
      `\`\`\`ts\nconst ${word()} = ${word()} + 1;\nfunction ${word()}(${word()}) {\n  return ${words(3)};\n}\n\`\`\`\n\n`,
    () =>
      `| ${word()} | ${word()} | ${word()} |\n|---|---|---|\n` +
      `| ${word()} | ${word()} | ${word()} |\n| ${word()} | **${word()}** | \`${word()}\` |\n\n`,
    () => `> ${words(9)}\n> ${words(6)}\n\n`,
  ];
  const tokens: string[] = [];
  let pending = '';
  for (let block = 0; tokens.length < count; block++) {
    for (const piece of blocks[block % blocks.length]!().match(/\S+\s*/g) ?? []) {
      pending += piece;
      if (largestMarker(pending, prefix) < 0) continue;
      tokens.push(pending);
      pending = '';
    }
  }
  const kept = tokens.slice(0, count);
  return { tokens: kept, markers: kept.map((token) => largestMarker(token, prefix)) };
}

/** The kinds of reply `growingReply` writes: the table, the code block and the list are one open block as they grow. */
export type GrowingShape = 'table' | 'code' | 'list' | 'paragraphs';

/**
 * A reply that is one table growing row by row (two cells a row, one token a cell), one code block growing line by
 * line or one list growing item by item (two words each), or the same words as short paragraphs: the baseline for what
 * one open block costs while it grows.
 */
export function growingReply(rows: number, prefix: string, shape: GrowingShape): ScriptedReply {
  const tokens: string[] = [];
  for (let cell = 1; cell <= rows * 2; cell++) {
    const rowEnd = cell % 2 === 0;
    if (shape === 'table')
      tokens.push(`${cell === 1 ? '| a | b |\n|---|---|\n' : ''}| ${prefix}${cell} ${rowEnd ? '|\n' : ''}`);
    else if (shape === 'code') tokens.push(`${cell === 1 ? '```\n' : ''}${prefix}${cell}${rowEnd ? '\n' : ' '}`);
    else if (shape === 'list') tokens.push(`${rowEnd ? '' : '- '}${prefix}${cell}${rowEnd ? '\n' : ' '}`);
    else tokens.push(`${prefix}${cell}${rowEnd ? '\n\n' : ' '}`);
  }
  return { tokens, markers: tokens.map((_, index) => index + 1) };
}

/** Each token's emit→paint latency; a token never painted counts until `end` (a lower bound). */
export function latencies(emitTimes: number[], markers: number[], frames: Array<[number, number]>, end: number) {
  const painted: number[] = [];
  const all: number[] = [];
  let frame = 0;
  let seen = -1;
  for (let index = 0; index < emitTimes.length; index++) {
    while (seen < markers[index]! && frame < frames.length) seen = Math.max(seen, frames[frame++]![1]);
    const shownAt = seen >= markers[index]! ? frames[frame - 1]![0] : undefined;
    if (shownAt !== undefined) painted.push(shownAt - emitTimes[index]!);
    all.push((shownAt ?? end) - emitTimes[index]!);
  }
  return { painted: painted.length, p50: percentile(all, 0.5), p95: percentile(all, 0.95), max: Math.max(...all) };
}

export interface ChunkSizes {
  /** What the offscreen document's main thread loads at every start: its entry and the modules it imports statically. */
  mainThreadBytes: number;
  files: Record<string, number>;
  /** Modules it imports only when first needed (an engine's own code), with the static imports they add. */
  lazyBytes: number;
  lazyFiles: Record<string, number>;
  /** Worker scripts it starts (they run off the main thread). */
  workerBytes: number;
}

/** Follows offscreen.html's scripts through their imports in a built extension; lazy imports and workers apart. */
export function offscreenChunkSizes(buildDir: string): ChunkSizes {
  const html = readFileSync(join(buildDir, 'offscreen.html'), 'utf8');
  const files: Record<string, number> = {};
  const lazyFiles: Record<string, number> = {};
  let workerBytes = 0;
  const lazy: string[] = [];
  const follow = (start: string[], into: Record<string, number>) => {
    const queue = [...start];
    while (queue.length > 0) {
      const file = queue.shift()!;
      if (file in files || file in into) continue;
      const path = join(buildDir, file);
      if (!existsSync(path)) continue;
      into[file] = statSync(path).size;
      const code = readFileSync(path, 'utf8');
      const folder = file.slice(0, file.lastIndexOf('/') + 1);
      for (const match of code.matchAll(/(?:from|import)\s*["'`]\.\/([\w.-]+\.js)["'`]/g))
        queue.push(`${folder}${match[1]}`);
      for (const match of code.matchAll(/import\(\s*["'`]\.\/([\w.-]+\.js)["'`]\s*\)/g))
        lazy.push(`${folder}${match[1]}`);
      for (const match of code.matchAll(/["'`]\/?(assets\/[\w.-]+\.js)["'`]/g)) {
        const worker = join(buildDir, match[1]!);
        if (existsSync(worker)) workerBytes += statSync(worker).size;
      }
    }
  };
  follow(
    [...html.matchAll(/(?:src|href)="\/([^"]+\.js)"/g)].map((match) => match[1]!),
    files,
  );
  follow(lazy, lazyFiles);
  const sum = (sizes: Record<string, number>) => Object.values(sizes).reduce((total, size) => total + size, 0);
  return { mainThreadBytes: sum(files), files, lazyBytes: sum(lazyFiles), lazyFiles, workerBytes };
}

/**
 * Runs in the panel page: each frame, just before it is painted, notes the largest marker on screen in `selector`
 * (read from the last few text nodes only), counts DOM updates while asked to (render costs) and the long tasks.
 */
export function installProbe(): void {
  interface Probe {
    selector: string;
    prefix: string;
    /** While paused, no frame is requested: the page draws only when something changes. */
    paused: boolean;
    resume(): void;
    onFrame: (() => void) | undefined;
    /**
     * Resolves once marker `last` is on screen and the stream has ended, or, after `capMs`, stops the stream and
     * resolves when it has ended; `end` is then the time of the cap. Checked in the page, so a busy page cannot
     * delay the cap by keeping the benchmark's own calls waiting.
     */
    watch(last: number, capMs: number): Promise<{ finished: boolean; end: number }>;
    frames: Array<[number, number]>;
    last: number;
    updates: number;
    countUpdates(on: boolean): void;
    longTasks: number[];
  }
  const probe: Probe = {
    selector: '',
    prefix: 'w',
    paused: false,
    resume: () => {
      probe.paused = false;
      requestAnimationFrame(frame);
    },
    onFrame: undefined,
    watch: (last, capMs) =>
      new Promise((resolve) => {
        const bare = probe.selector === '#bench-bare';
        const page = window as unknown as { benchBare?: chrome.runtime.Port; benchBareDone?: boolean };
        const stopButton = () =>
          [...document.querySelectorAll('button')].find((button) => button.textContent === 'Stop');
        // Stop goes with the card's run: no Stop button, nothing is being written.
        const ended = () => (bare ? page.benchBareDone === true : stopButton() === undefined);
        const started = performance.now();
        let cappedAt: number | undefined;
        const check = () => {
          const now = performance.now();
          if (cappedAt === undefined && probe.last >= last && ended()) return settle(true, now);
          if (cappedAt === undefined && now - started > capMs) {
            cappedAt = now;
            if (bare) page.benchBare?.postMessage({ type: 'bare/cancel' });
            else stopButton()?.click();
          }
          if (cappedAt !== undefined && (ended() || now - cappedAt > 15_000)) settle(false, cappedAt);
        };
        const timer = setInterval(check, 50);
        probe.onFrame = check;
        const settle = (finished: boolean, at: number) => {
          clearInterval(timer);
          probe.onFrame = undefined;
          resolve({ finished, end: performance.timeOrigin + at });
        };
      }),
    frames: [],
    last: -1,
    updates: 0,
    countUpdates: () => undefined,
    longTasks: [],
  };
  (window as unknown as { benchProbe: Probe }).benchProbe = probe;
  const lastMarker = (root: Element): number => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let node = walker.lastChild() as Text | null;
    let text = '';
    while (node && text.length < 400) {
      text = node.data + text;
      node = walker.previousNode() as Text | null;
    }
    let largest = -1;
    for (const match of text.matchAll(new RegExp(`${probe.prefix}(\\d+)`, 'g')))
      largest = Math.max(largest, Number(match[1]));
    return largest;
  };
  // What a frame shows is read after all of the page's animation-frame callbacks (the app writes text in one too)
  // and layout, just before paint: a ResizeObserver on an invisible element resized once per frame is called then.
  const tick = document.createElement('div');
  tick.style.cssText = 'position:fixed;top:0;left:0;width:1px;height:1px;visibility:hidden;pointer-events:none';
  document.body.append(tick);
  new ResizeObserver(() => {
    if (probe.paused) return;
    const root = probe.selector ? document.querySelector(probe.selector) : null;
    const marker = root ? lastMarker(root) : -1;
    if (marker !== probe.last) {
      probe.last = marker;
      probe.frames.push([performance.timeOrigin + performance.now(), marker]);
    }
    probe.onFrame?.();
  }).observe(tick);
  function frame(): void {
    if (probe.paused) return;
    tick.style.width = tick.style.width === '1px' ? '2px' : '1px';
    requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);
  // Only while render costs are measured: a record for every DOM change costs a flood's panel much of its thread.
  const updates = new MutationObserver(() => probe.updates++);
  probe.countUpdates = (on) => {
    if (!on) return updates.disconnect();
    updates.observe(document.body, { childList: true, subtree: true, characterData: true });
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.duration > 50) probe.longTasks.push(entry.duration);
  }).observe({ type: 'longtask' });
}
