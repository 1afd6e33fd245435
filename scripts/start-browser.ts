/**
 * `npm start`: opens a Chromium-based browser with the freshly built extension loaded, in a profile kept in
 * `.tacit-profile/` so downloaded models stay cached between runs. Set TACIT_BROWSER to pick the binary.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { platform } from 'node:os';
import { resolve } from 'node:path';

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

const args = [
  `--user-data-dir=${PROFILE}`,
  `--load-extension=${EXTENSION}`,
  `--disable-extensions-except=${EXTENSION}`,
  '--no-first-run',
  // WebGPU is behind a flag on Linux in Chromium builds.
  ...(platform() === 'linux' ? ['--enable-unsafe-webgpu', '--enable-features=Vulkan'] : []),
  'https://en.wikipedia.org/wiki/Special:Random',
];
console.log(`Starting ${browserPath} with Tacit loaded from ${EXTENSION}`);
spawn(browserPath, args, { stdio: 'inherit', detached: false }).on('exit', (code) => process.exit(code ?? 0));
