/**
 * `npm start`: opens a Chromium-based browser with the freshly built extension loaded, on Tacit's welcome page, in a
 * profile kept in `.tacit-profile/` so downloaded models stay cached between runs. Set TACIT_BROWSER to pick the
 * binary; extra browser flags go after `--` (`npm start -- --force-dark-mode`) or in TACIT_BROWSER_FLAGS.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { platform } from 'node:os';
import { resolve } from 'node:path';
import {
  browserArgs,
  detectContainer,
  extraBrowserFlags,
  sandboxReason,
  unpackedExtensionId,
  type LaunchFacts,
} from './browser-launch';

const EXTENSION = resolve(import.meta.dirname, '../.output/chrome-mv3');
const PROFILE = resolve(import.meta.dirname, '../.tacit-profile');

const CANDIDATES: Record<string, string[]> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome-beta',
    '/usr/bin/google-chrome',
  ],
  darwin: [
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ],
  win32: [
    `${process.env.LOCALAPPDATA}\\Chromium\\Application\\chrome.exe`,
    `${process.env.PROGRAMFILES}\\Google\\Chrome\\Application\\chrome.exe`,
  ],
};

const browserPath = process.env.TACIT_BROWSER ?? (CANDIDATES[platform()] ?? []).find((path) => existsSync(path));

if (!existsSync(EXTENSION)) {
  console.error('No build found: run "npm run build" first.');
  process.exit(1);
}
if (!browserPath) {
  console.error(
    `No Chromium-based browser found. Set TACIT_BROWSER=/path/to/chromium, or load the extension by hand:\n` +
      `  open chrome://extensions, enable Developer mode, click "Load unpacked" and pick ${EXTENSION}`,
  );
  process.exit(1);
}

const extension = realpathSync(EXTENSION);
const facts: LaunchFacts = {
  platform: platform(),
  uid: process.getuid?.(),
  inContainer:
    platform() === 'linux' &&
    detectContainer(process.env, {
      exists: existsSync,
      read: (path) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined),
    }),
};
const args = browserArgs({
  facts,
  profile: PROFILE,
  extension,
  startUrl: `chrome-extension://${unpackedExtensionId(extension, facts.platform)}/welcome.html`,
  extra: extraBrowserFlags(process.argv.slice(2), process.env.TACIT_BROWSER_FLAGS),
});
const reason = sandboxReason(facts);
if (reason) {
  console.log(
    `Note: ${reason === 'root' ? 'running as root' : 'running in a container'}, so the browser starts with ` +
      '--no-sandbox (Chromium refuses to start otherwise here). Use this window for testing Tacit, not for browsing.',
  );
}
console.log(`Starting ${browserPath} with Tacit loaded from ${extension}`);
spawn(browserPath, args, { stdio: 'inherit', detached: false })
  .on('error', (error) => {
    console.error(`Could not start ${browserPath}: ${error.message}`);
    process.exit(1);
  })
  .on('exit', (code) => process.exit(code ?? 0));
