import { describe, expect, it } from 'vitest';
import { uncaughtExtensionErrors } from '../e2e/support/extension-errors';

// Lines as Debian Chromium 156 writes them with --enable-logging --log-file (seen with errors thrown on purpose).
const ID = 'limhdjookamcpaopddghjajlebejfkco';
const LOG = [
  `[7571:7571:1129/172023.104259:INFO:CONSOLE:55] "Uncaught (in promise) Error: probe-sw-rejection", source: chrome-extension://${ID}/background.js (55)`,
  `[7571:7571:1129/172023.293706:INFO:CONSOLE:2] "Uncaught Error: You must add the 'storage' permission to your manifest to use 'wxt/storage'", source: chrome-extension://${ID}/chunks/offscreen-ZGwv_TkW.js (2)`,
  `[7571:7571:1129/172023.300000:INFO:CONSOLE:9] "Unchecked runtime.lastError: No tab with id: 4.", source: chrome-extension://${ID}/sidepanel.html (0)`,
  `[7571:7571:1129/172023.400000:INFO:CONSOLE:3] "Uncaught ReferenceError: x is not defined", source: http://127.0.0.1:4000/page.html (3)`,
  `[7571:7571:1129/172023.500000:INFO:CONSOLE:4] "Tacit said hello", source: chrome-extension://${ID}/background.js (4)`,
  `[7571:7590:1129/172023.600000:ERROR:gpu_init.cc(1)] Passthrough is not supported`,
].join('\n');

describe('uncaughtExtensionErrors', () => {
  it("reports uncaught errors and rejections from the extension's own contexts, with their source", () => {
    expect(uncaughtExtensionErrors(LOG)).toEqual([
      { message: 'Uncaught (in promise) Error: probe-sw-rejection', source: `chrome-extension://${ID}/background.js` },
      {
        message: "Uncaught Error: You must add the 'storage' permission to your manifest to use 'wxt/storage'",
        source: `chrome-extension://${ID}/chunks/offscreen-ZGwv_TkW.js`,
      },
      { message: 'Unchecked runtime.lastError: No tab with id: 4.', source: `chrome-extension://${ID}/sidepanel.html` },
    ]);
  });

  it("ignores web pages' own errors, ordinary console output and browser logs", () => {
    expect(uncaughtExtensionErrors(LOG.split('\n').slice(3).join('\n'))).toEqual([]);
  });
});
