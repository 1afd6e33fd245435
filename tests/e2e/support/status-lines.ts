/** Records, in a panel page, every distinct text its engine status line and its card's progress line showed. */

/** What both Playwright's and Puppeteer's pages offer (the Chromium e2e and the Firefox tests use one each). */
interface EvaluatingPage {
  evaluate<T>(run: () => T): Promise<T>;
}

/** Starts recording now; the function returned reads what was seen so far, in order. */
export async function recordStatusLines(panel: EvaluatingPage): Promise<() => Promise<string[]>> {
  await panel.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { statusLines: string[] }).statusLines = seen;
    new MutationObserver(() => {
      // The status line says what the engine does; the card's progress line shows the download.
      for (const id of ['engine-status', 'task-progress']) {
        const text = document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';
        if (text && !seen.includes(text)) seen.push(text);
      }
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  return () => panel.evaluate(() => (window as unknown as { statusLines: string[] }).statusLines);
}
