import type { Page } from '@playwright/test';
import {
  expect,
  offscreenDocumentCount,
  scriptedEngineLog,
  setStorage,
  stopServiceWorker,
  test,
  useScriptedEngine,
} from './support/extension-test';

/**
 * Clicks the answer's Stop in the page itself and waits there until the panel says it stopped: how long that took,
 * and the answer's text at that moment.
 */
function clickStop(panel: Page): Promise<{ elapsed: number; text: string }> {
  return panel.evaluate(
    () =>
      new Promise<{ elapsed: number; text: string }>((resolve) => {
        const started = performance.now();
        new MutationObserver((_, observer) => {
          if (!document.querySelector('[data-testid="ask-answer-stopped"]')) return;
          observer.disconnect();
          const text = document.querySelector('[data-testid="ask-answer"]')!.textContent!;
          resolve({ elapsed: performance.now() - started, text });
        }).observe(document.body, { childList: true, subtree: true });
        [...document.querySelectorAll('button')].find((button) => button.textContent === 'Stop')!.click();
      }),
  );
}

test('the side panel renders its status and question box; Stop and Copy come with a card', async ({
  openPanel,
  serviceWorker,
}) => {
  await useScriptedEngine(serviceWorker, { tokenDelayMs: 40, tokenCount: 30 });
  const panel = await openPanel();
  await expect(panel.getByRole('heading', { name: 'Tacit' })).toBeVisible();
  await expect(panel.getByTestId('gpu-status')).toContainText('WebGPU ready');
  await expect(panel.getByTestId('gpu-status')).toContainText('software adapter');
  await expect(panel.getByTestId('gpu-status')).toContainText('no shader-f16');
  await expect(panel.getByLabel('Ask Tacit')).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Send' })).toBeEnabled();
  await expect(panel.getByRole('button', { name: 'Stop' })).toHaveCount(0);
  await expect(panel.getByText('Replies appear here.')).toBeVisible();

  await panel.getByLabel('Ask Tacit').fill('What is WebGPU?');
  await panel.getByRole('button', { name: 'Send' }).click();
  const card = panel.getByTestId('ask-answer-card');
  await expect(card.getByTestId('question')).toHaveText('You asked: What is WebGPU?');
  await expect(card.getByRole('button', { name: 'Stop' })).toBeVisible();
  await expect(card.getByRole('button', { name: 'Copy' })).toHaveCount(0);
  await expect(card.getByRole('button', { name: 'Copy' })).toBeEnabled({ timeout: 10_000 });
  await expect(card.getByRole('button', { name: 'Stop' })).toHaveCount(0);
});

test('a question streams back token by token from the engine in the offscreen document', async ({
  openPanel,
  serviceWorker,
}) => {
  await useScriptedEngine(serviceWorker, { tokenDelayMs: 60, tokenCount: 16 });
  const panel = await openPanel();
  // Record every distinct state of the answer as it grows.
  await panel.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { answerStates: string[] }).answerStates = seen;
    // The answer's card appears with the question: watch the whole panel for it.
    new MutationObserver(() => {
      const answer = document.querySelector('[data-testid="ask-answer"]');
      if (answer) seen.push(answer.textContent ?? '');
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });

  // Keyboard only: focus the box, type, Enter sends.
  await panel.getByLabel('Ask Tacit').focus();
  await panel.keyboard.type('What is on-device inference good for?');
  await panel.keyboard.press('Enter');

  await expect(panel.getByTestId('ask-answer')).toContainText(
    'Scripted reply about: What is on-device inference good for?',
  );
  await expect(panel.getByTestId('ask-answer')).toContainText('token7');
  await expect(panel.getByRole('button', { name: 'Stop' })).toHaveCount(0);

  const states = await panel.evaluate(() => (window as unknown as { answerStates: string[] }).answerStates);
  const distinct = [...new Set(states.map((state) => state.trim()))].filter(Boolean);
  expect(distinct.length).toBeGreaterThanOrEqual(10);
  for (let index = 1; index < distinct.length; index++)
    expect(distinct[index]!.startsWith(distinct[index - 1]!), JSON.stringify(distinct)).toBe(true);

  const log = await scriptedEngineLog(serviceWorker);
  expect(log).toHaveLength(1);
  expect(log[0]!.messages.at(-1)).toEqual({ role: 'user', content: 'What is on-device inference good for?' });
  expect(log[0]!.modelId).toBe('Qwen2.5-1.5B-Instruct-q4f32_1-MLC');
});

test('Stop interrupts the answer within 200 ms and the panel says it stopped', async ({ openPanel, serviceWorker }) => {
  await useScriptedEngine(serviceWorker, { tokenDelayMs: 25, tokenCount: 2000 });
  const panel = await openPanel();
  await panel.getByLabel('Ask Tacit').fill('Write a very long essay');
  await panel.getByRole('button', { name: 'Send' }).click();
  await expect(panel.getByTestId('ask-answer')).toContainText('token20');

  const { elapsed } = await clickStop(panel);
  expect(elapsed).toBeLessThan(200);
  await expect(panel.getByTestId('ask-answer-stopped')).toHaveText(/Stopped/);

  const textAtStop = await panel.getByTestId('ask-answer').textContent();
  await panel.waitForTimeout(300);
  expect(await panel.getByTestId('ask-answer').textContent()).toBe(textAtStop);
  expect(textAtStop).not.toContain('token1999');
  await expect(panel.getByRole('button', { name: 'Send' })).toBeEnabled();
});

test('Stop under a flood keeps every word written before it, and the text stays as it was at Stop', async ({
  openPanel,
  serviceWorker,
}) => {
  // One long paragraph at 5,000 words a second, about 80 a frame: a flood the panel shows in pieces while it is
  // written, and one that lasts long enough (4 s) for Stop to find it running on a slow machine.
  const tokens = Array.from({ length: 20_000 }, (_, index) => `w${index} `);
  await useScriptedEngine(serviceWorker, { tokens, tokensPerSecond: 5000 });
  const panel = await openPanel();
  await panel.getByLabel('Ask Tacit').fill('Write without end');
  await panel.getByRole('button', { name: 'Send' }).click();
  await expect(panel.getByTestId('ask-answer')).toContainText('w500 ');

  const { text: atStop } = await clickStop(panel);
  // The paragraph is then rendered whole, as a one-shot render has it; what it says does not change.
  await expect(panel.getByTestId('ask-answer')).toHaveAttribute('aria-busy', 'false');
  await panel.waitForTimeout(300);
  expect(await panel.getByTestId('ask-answer').textContent()).toBe(atStop);
  // Nothing before Stop is lost and nothing after it came: the text is the reply's words up to some word, exactly.
  const shown = atStop.trimEnd();
  const words = shown.split(' ').length;
  expect(words).toBeGreaterThan(500);
  expect(words).toBeLessThan(tokens.length);
  expect(shown).toBe(tokens.slice(0, words).join('').trimEnd());
});

test('the offscreen engine host is created on demand and closed after the idle time', async ({
  openPanel,
  serviceWorker,
}) => {
  await setStorage(serviceWorker, { engineIdleMs: 1500 });
  await useScriptedEngine(serviceWorker, { tokenDelayMs: 5, tokenCount: 5 });
  expect(await offscreenDocumentCount(serviceWorker)).toBe(0);

  const panel = await openPanel();
  await panel.getByLabel('Ask Tacit').fill('Hello');
  await panel.getByRole('button', { name: 'Send' }).click();
  await expect(panel.getByTestId('ask-answer')).toContainText('Scripted reply about: Hello');
  expect(await offscreenDocumentCount(serviceWorker)).toBe(1);

  await expect(panel.getByTestId('engine-status')).toHaveText('Model loaded: Qwen2.5 1.5B Instruct');

  // The open panel hears of the idle unload: its status line no longer names the model.
  await expect(panel.getByTestId('engine-status')).toHaveText('Model unloaded after being idle (GPU memory freed)', {
    timeout: 8000,
  });
  await expect.poll(() => offscreenDocumentCount(serviceWorker), { timeout: 8000 }).toBe(0);
  await panel.reload();
  await expect(panel.getByTestId('engine-status')).toHaveText('Engine not running (no GPU memory in use)');

  // Asking again brings the host back.
  await panel.getByLabel('Ask Tacit').fill('Again');
  await panel.getByRole('button', { name: 'Send' }).click();
  await expect(panel.getByTestId('ask-answer')).toContainText('Scripted reply about: Again');
});

test('if the engine host dies mid-answer, the panel says so, keeps the text, and the next question works', async ({
  openPanel,
  serviceWorker,
}) => {
  await useScriptedEngine(serviceWorker, { tokenDelayMs: 30, tokenCount: 400 });
  const panel = await openPanel();
  await panel.getByLabel('Ask Tacit').fill('Tell me a long story');
  await panel.getByRole('button', { name: 'Send' }).click();
  await expect(panel.getByTestId('ask-answer')).toContainText('token5');
  await serviceWorker.evaluate(() => chrome.offscreen.closeDocument());
  await expect(panel.getByTestId('ask-answer-error')).toHaveText(
    'The on-device engine stopped unexpectedly. Your text is kept; try again.',
  );
  await expect(panel.getByTestId('ask-answer')).toContainText('token5');
  await expect(panel.getByLabel('Ask Tacit')).toHaveValue('Tell me a long story');

  await useScriptedEngine(serviceWorker, { tokenDelayMs: 2, tokenCount: 12 });
  await panel.getByRole('button', { name: 'Send' }).click();
  await expect(panel.getByTestId('ask-answer')).toContainText('token3');
  await expect(panel.getByTestId('ask-answer-error')).toHaveCount(0);
});

test('if the service worker stops mid-answer, the panel says so and keeps the text; the next question starts it again', async ({
  context,
  openPanel,
  serviceWorker,
}) => {
  await useScriptedEngine(serviceWorker, { tokenDelayMs: 30, tokenCount: 400 });
  const panel = await openPanel();
  await panel.getByLabel('Ask Tacit').fill('Tell me a long story');
  await panel.getByRole('button', { name: 'Send' }).click();
  await expect(panel.getByTestId('ask-answer')).toContainText('token5');
  // The panel shares the extension's origin, so its DevTools session can stop the extension's service worker.
  await stopServiceWorker(context, panel);
  // Usually the port closes at once; when Chrome does not say so, the panel's liveness check notices within ~10 s.
  await expect(panel.getByTestId('ask-answer-error')).toHaveText(
    "Tacit's background process restarted mid-task. Your text is kept; try again.",
    { timeout: 20_000 },
  );
  await expect(panel.getByTestId('ask-answer')).toContainText('token5');
  await expect(panel.getByLabel('Ask Tacit')).toHaveValue('Tell me a long story');

  await panel.getByRole('button', { name: 'Send' }).click();
  await expect(panel.getByTestId('ask-answer')).toContainText('Scripted reply about: Tell me a long story');
  await expect(panel.getByTestId('ask-answer-error')).toHaveCount(0);
});

test('loading a model shows its stages with bytes and percent in the card, and model names in the status line', async ({
  openPanel,
  serviceWorker,
}) => {
  await useScriptedEngine(serviceWorker, { tokenDelayMs: 2, tokenCount: 12 });
  const panel = await openPanel();
  await panel.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressLines: string[] }).progressLines = seen;
    new MutationObserver(() => {
      const line = document.querySelector('[data-testid="task-progress"]')?.textContent;
      if (line && seen.at(-1) !== line) seen.push(line);
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await panel.getByLabel('Ask Tacit').fill('Hello');
  await panel.getByRole('button', { name: 'Send' }).click();
  await expect(panel.getByTestId('ask-answer')).toContainText('token3');
  const lines = await panel.evaluate(() => (window as unknown as { progressLines: string[] }).progressLines);
  // The download, then the GPU programs as a stage of its own (not a second run from 0% with the same words).
  const download = lines.indexOf('Downloading Qwen2.5 1.5B Instruct: 50% (2 MB of 4 MB)');
  const shaders = lines.indexOf('Preparing Qwen2.5 1.5B Instruct for your GPU: 50%');
  expect(download, JSON.stringify(lines)).toBeGreaterThanOrEqual(0);
  expect(shaders).toBeGreaterThan(download);
  expect(lines).toContain('Writing with Qwen2.5 1.5B Instruct…');
  await expect(panel.getByTestId('engine-status')).toHaveText('Model loaded: Qwen2.5 1.5B Instruct');
  await expect(panel.getByTestId('task-progress')).toHaveCount(0);
});
