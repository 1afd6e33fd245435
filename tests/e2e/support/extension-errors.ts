/**
 * Uncaught errors in Tacit's own contexts (service worker, offscreen document, panel, Options, injected scripts),
 * read from Chromium's log file: it records them from the first line a context runs, before any test can attach.
 */

/** Chromium writes each console error of a renderer or worker as `...:CONSOLE:<line>] "<message>", source: <url> (<line>)`. */
const CONSOLE_LINE = /:CONSOLE(?::\d+)?\] "(.*)", source: (chrome-extension:\/\/[a-p]{32}\/\S*)/;
const UNCAUGHT = /^(Uncaught\b|Unchecked runtime\.lastError)/;

export interface ExtensionError {
  message: string;
  source: string;
}

export function uncaughtExtensionErrors(log: string): ExtensionError[] {
  const errors: ExtensionError[] = [];
  for (const line of log.split('\n')) {
    const match = CONSOLE_LINE.exec(line);
    if (match && UNCAUGHT.test(match[1]!)) errors.push({ message: match[1]!, source: match[2]! });
  }
  return errors;
}

/** The Chromium flags that write that log. */
export function errorLogFlags(logFile: string): string[] {
  return ['--enable-logging', `--log-file=${logFile}`, '--log-level=0'];
}
