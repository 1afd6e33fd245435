/** How e2e tests and the screenshot script start Debian Chromium with a Tacit build loaded, quietly and offline. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = process.env.TACIT_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Browser features that phone Google on their own (not Tacit's traffic). A later --disable-features replaces
 * Playwright's, so its list is repeated here: the first line is Playwright's, the second adds autofill and models.
 */
export const DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'AutofillServerCommunication',
  'OptimizationGuideModelDownloading',
  'Translate',
];
/** Chromium's flags for a profile with only this unpacked extension, no traffic of the browser's own. */
export function extensionChromiumArgs(extensionPath: string, options: { webgpu: boolean; proxy?: string }): string[] {
  return [
    `--disable-extensions-except=${extensionPath}`,
    `--load-extension=${extensionPath}`,
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-default-apps',
    // Chromium's own sign-in and component-updater traffic is the browser's, not Tacit's: point it at a closed
    // loopback port so that the ledger shows only what the extension and pages ask for.
    '--gaia-url=http://127.0.0.1:9',
    '--component-updater=url-source=http://127.0.0.1:9/update',
    // Push messaging's device check-in (Debian's Chromium 150 starts it on its own, a few seconds in): the same.
    '--gcm-checkin-url=http://127.0.0.1:9/checkin',
    '--gcm-registration-url=http://127.0.0.1:9/register',
    '--gcm-mcs-endpoint=http://127.0.0.1:9',
    `--disable-features=${DISABLED_FEATURES.join(',')}`,
    ...(options.proxy ? [`--proxy-server=${options.proxy}`] : []),
    ...(options.webgpu ? ['--enable-unsafe-webgpu'] : []),
  ];
}

/** A new profile whose spellchecker does not download dictionaries (browser traffic a text field would otherwise cause). */
export function freshProfile(): string {
  const profile = mkdtempSync(join(tmpdir(), 'tacit-e2e-'));
  mkdirSync(join(profile, 'Default'));
  writeFileSync(
    join(profile, 'Default', 'Preferences'),
    JSON.stringify({
      browser: { enable_spellchecking: false },
      spellcheck: { dictionaries: [], dictionary: '', forced_dictionaries: [], use_spelling_service: false },
      intl: { accept_languages: 'en-US' },
    }),
  );
  return profile;
}
