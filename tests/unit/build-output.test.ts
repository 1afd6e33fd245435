/** Inspects the built extensions: what users install must not contain test-only code. Run after `npm run build:all`. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCRIPTED_ENGINE_MARKER } from '../../lib/offscreen/engines/scripted-engine';
import { extensionPagesCsp } from '../../lib/platform/csp';
import { PORT_TEST_BARE_RELAY, PORT_TEST_BARE_SOURCE } from '../../lib/protocol/test-messages';

const OUTPUT = resolve(import.meta.dirname, '../../.output');
const TEST_ONLY_STRINGS = [
  SCRIPTED_ENGINE_MARKER,
  'test:scriptedEngine',
  'test/scripted-log',
  'test/emit-times',
  PORT_TEST_BARE_RELAY,
  PORT_TEST_BARE_SOURCE,
];

function builtFiles(build: string): Map<string, string> {
  const root = join(OUTPUT, build);
  if (!existsSync(root)) throw new Error(`${root} is missing: run "npm run build:all" first`);
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(js|html|json)$/.test(name)) files.set(path.slice(root.length + 1), readFileSync(path, 'utf8'));
    }
  };
  walk(root);
  return files;
}

function filesContaining(files: Map<string, string>, needle: string): string[] {
  return [...files].filter(([, text]) => text.includes(needle)).map(([path]) => path);
}

describe('production build', () => {
  const production = builtFiles('chrome-mv3');

  it('contains no scripted engine and no test-only hooks', () => {
    for (const needle of TEST_ONLY_STRINGS) expect(filesContaining(production, needle), needle).toEqual([]);
  });

  it('injects page reading only where a page is read: the editing script carries no Readability', () => {
    expect(production.get('page-reader.js')).toContain('Readability');
    expect(production.get('page-editor.js')).toBeDefined();
    expect(production.get('page-editor.js')).not.toContain('Readability');
  });

  it("reads ordinary pages without the mail clients' adapters, which only the editing script carries", () => {
    // Outlook's quoted-reply marker: read by the adapters, never by the reader's client check.
    expect(production.get('page-reader.js')).not.toContain('divRplyFwdMsg');
    expect(production.get('page-editor.js')).toContain('divRplyFwdMsg');
  });

  it('has the extension pages CSP and no host permissions or always-on content scripts', () => {
    const manifest = JSON.parse(production.get('manifest.json')!);
    expect(manifest.content_security_policy.extension_pages).toBe(extensionPagesCsp());
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.content_scripts).toBeUndefined();
    // Only the known webmail clients may be granted later, and only when the user allows it from the Reply view.
    expect(manifest.optional_host_permissions).toEqual([
      'https://mail.google.com/*',
      'https://outlook.office.com/*',
      'https://outlook.office365.com/*',
      'https://outlook.live.com/*',
      'https://outlook.cloud.microsoft/*',
      'https://mail.proton.me/*',
      'https://mail.protonmail.com/*',
    ]);
  });
});

describe('translations', () => {
  const production = builtFiles('chrome-mv3');
  const messages = (locale: string): Record<string, { message: string }> =>
    JSON.parse(production.get(`_locales/${locale}/messages.json`)!);
  const placeholders = (text: string) => [...new Set(text.match(/\$\d/g) ?? [])].sort();

  it('German has every English string, with the same placeholders and plural forms', () => {
    const english = messages('en');
    const german = messages('de');
    expect(Object.keys(german).sort()).toEqual(Object.keys(english).sort());
    for (const [key, { message }] of Object.entries(english)) {
      const other = german[key]!.message;
      expect(placeholders(other), key).toEqual(placeholders(message));
      expect(other.split(' | ').length, key).toBe(message.split(' | ').length);
    }
  });
});

describe('test build', () => {
  it('does contain the scripted engine, so the check above can see it', () => {
    const e2e = builtFiles('chrome-mv3-e2e');
    expect(filesContaining(e2e, SCRIPTED_ENGINE_MARKER).length).toBeGreaterThan(0);
    expect(JSON.parse(e2e.get('manifest.json')!).host_permissions).toEqual(['http://127.0.0.1/*']);
  });
});
