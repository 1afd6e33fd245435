import { describe, expect, it } from 'vitest';
import { asciiOnlyScript, asciiPageScripts, isPageScriptFile } from '../ascii-script';

/** What a script's last expression evaluates to (the samples below only build values). */
function valueOf(script: string): unknown {
  return new Function(`return (${script});`)();
}

const SAMPLES = [
  `'crédit — “quoted”'`,
  `"\\u00e9 and é"`,
  '`template é ${1 + 1} ü`',
  `/crédit|photo/i.test('CRÉDIT')`,
  `/[à-ÿ]/.test('ö') && !/[à-ÿ]/.test('z')`,
  `/^.$/u.test('😀')`,
  `/^..$/.test('😀')`,
  `/[😀]/u.test('😀') && !/[😀]/u.test('\\ud83d')`,
  `/[\\p{L}--[a-z]]/v.test('é')`,
  `/\\é/.test('é')`,
  `'\\é' === 'é'`,
  `'\\\\é'`,
  `[/* une note en français: à bientôt */ 'x']`,
  `new Set(['werbung', 'publicité', 'реклама', '广告', 'إعلان']).has('广告')`,
];

describe('asciiOnlyScript', () => {
  it.each(SAMPLES)('keeps what %s means and writes it in ASCII', (sample) => {
    const escaped = asciiOnlyScript(sample, 'sample.js');
    expect(escaped).toMatch(/^\p{ASCII}*$/u);
    expect(valueOf(escaped)).toEqual(valueOf(sample));
  });

  it('leaves an ASCII script as it is', () => {
    const script = 'var a=`plain`;';
    expect(asciiOnlyScript(script, 'plain.js')).toBe(script);
  });

  it('refuses a script it would break: an identifier outside the Basic Multilingual Plane', () => {
    expect(() => asciiOnlyScript('var 𝑥 = 1;', 'page-reader.js')).toThrow(/page-reader\.js/);
  });

  it('refuses a line separator written as itself, which would end a line comment and not once escaped', () => {
    expect(() => asciiOnlyScript('var a = 1; // é\u2028a = 2;', 'page-editor.js')).toThrow(/page-editor\.js/);
  });
});

describe('asciiPageScripts', () => {
  it('escapes the scripts injected into pages and nothing else', () => {
    const bundle = {
      'page-reader.js': { type: 'chunk' as const, code: `var a='é';` },
      'background.js': { type: 'chunk' as const, code: `var a='é';` },
      'chunks/sidepanel-1.js': { type: 'chunk' as const, code: `var a='é';` },
      'assets/sidepanel.css': { type: 'asset' as const },
    };
    asciiPageScripts().generateBundle(undefined, bundle);
    expect(bundle['page-reader.js'].code).toBe(`var a='\\u00e9';`);
    expect(bundle['background.js'].code).toBe(`var a='é';`);
    expect(bundle['chunks/sidepanel-1.js'].code).toBe(`var a='é';`);
  });

  it('tells page scripts by their place in the output', () => {
    expect(isPageScriptFile('page-editor.js')).toBe(true);
    expect(isPageScriptFile('reader-read-page.js')).toBe(true);
    expect(isPageScriptFile('background.js')).toBe(false);
    expect(isPageScriptFile('chunks/offscreen-abc.js')).toBe(false);
    expect(isPageScriptFile('wllama.wasm')).toBe(false);
  });
});
