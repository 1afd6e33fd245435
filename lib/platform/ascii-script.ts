/**
 * Build step for the scripts injected into pages: every character outside ASCII is written as a `\uXXXX` escape.
 * Chrome hands an injected file to V8 as a two-byte string as soon as one character is outside Latin-1, and V8 then
 * scans the whole script (and each function again when it is first called) as two-byte text. Handing over the
 * reader took 3.15 ms per first injection with the 77 non-ASCII characters of its word lists left in, 2.10 without.
 */
import { Script } from 'node:vm';

/**
 * `source` with each UTF-16 code unit above U+007F escaped. The same program wherever such a character can stand in
 * minified code: string and template literals (cooked), regular expressions (a surrogate pair written as two escapes
 * is one code point under the `u` and `v` flags, two code units without them, as the characters were) and comments.
 * An identity escape (`\é`) loses its backslash, which it never needed. Throws when the result no longer parses (an
 * identifier written outside the Basic Multilingual Plane, or such a space between tokens) and on U+2028 and U+2029,
 * which would end a `//` comment as themselves and not once escaped. It does not keep raw template strings
 * (`String.raw`) or a regular expression's `source`, which the page scripts never read.
 */
export function asciiOnlyScript(source: string, name: string): string {
  if (isAscii(source)) return source;
  // These end a line: escaped inside a `//` comment, they would turn the code after them into comment.
  if (/[\u2028\u2029]/.test(source)) throw new Error(`${name}: a line or paragraph separator is written as itself`);
  let escaped = '';
  let copiedUpTo = 0;
  for (let index = 0; index < source.length; index++) {
    const unit = source.charCodeAt(index);
    if (unit < 0x80) continue;
    let backslashes = 0;
    while (index - backslashes - 1 >= copiedUpTo && source.charCodeAt(index - backslashes - 1) === BACKSLASH) {
      backslashes++;
    }
    // An odd run of backslashes escapes this character: `\é` is `é`, and `\\u00e9` would be a backslash and "u00e9".
    const end = backslashes % 2 === 1 ? index - 1 : index;
    escaped += source.slice(copiedUpTo, end) + `\\u${unit.toString(16).padStart(4, '0')}`;
    copiedUpTo = index + 1;
  }
  escaped += source.slice(copiedUpTo);
  try {
    new Script(escaped, { filename: name });
  } catch (cause) {
    throw new Error(`${name}: escaping its non-ASCII characters broke the script`, { cause });
  }
  return escaped;
}

const BACKSLASH = 0x5c;

function isAscii(text: string): boolean {
  return /^\p{ASCII}*$/u.test(text);
}

/** A bundle's output files, as Vite hands them to `generateBundle`. */
interface OutputBundle {
  [fileName: string]: { type: 'chunk'; code: string } | { type: 'asset' };
}

/**
 * The scripts the extension injects into pages, by output file name: WXT writes each unlisted script at the top of the
 * output, beside the background's, and the extension pages' code in folders.
 */
export function isPageScriptFile(fileName: string): boolean {
  return fileName.endsWith('.js') && !fileName.includes('/') && fileName !== 'background.js';
}

/** Vite plugin: escapes the page scripts once minified. */
export function asciiPageScripts() {
  return {
    name: 'tacit:ascii-page-scripts',
    apply: 'build' as const,
    enforce: 'post' as const,
    generateBundle(_options: unknown, bundle: OutputBundle) {
      for (const [fileName, output] of Object.entries(bundle)) {
        if (output.type === 'chunk' && isPageScriptFile(fileName)) output.code = asciiOnlyScript(output.code, fileName);
      }
    },
  };
}
