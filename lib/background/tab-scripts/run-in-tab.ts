/** Runs Tacit's scripts in a tab (or one of its frames) for the background, with one set of failures for every caller. */
import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import { tacitError } from '../../core/errors';
import { restrictedPageReason } from './restricted-pages';
import { describeInjectionFailure } from './injection-errors';
import type { TabRead } from './types';
import { recordDiagnostic } from '../diagnostics-log';
import type { ScriptArgument } from '../../page/types';

export interface ScriptTarget {
  tabId: number;
  /** The top frame when absent. */
  frameId?: number;
  /** The tab's address, when known: restricted pages are refused before trying, and failures name the reason. */
  url?: string;
}

/** A packaged script (its return value is the result), or a function serialised into the page with its arguments. */
export type Injection =
  { files: ScriptPublicPath[] } | { func: (...args: ScriptArgument[]) => unknown; args: ScriptArgument[] };

export async function runInTab<T>(target: ScriptTarget, injection: Injection): Promise<TabRead<T | undefined>> {
  const url = target.url || undefined;
  const restricted = restrictedPageReason(url);
  if (restricted) {
    recordDiagnostic('tab-script-refused', { step: scriptName(injection), reason: restricted });
    return { ok: false, error: tacitError('restricted-page', { page: restricted }) };
  }
  const scriptTarget =
    target.frameId === undefined ? { tabId: target.tabId } : { tabId: target.tabId, frameIds: [target.frameId] };
  try {
    const [result] = await browser.scripting.executeScript(
      'files' in injection
        ? { target: scriptTarget, files: injection.files }
        : { target: scriptTarget, func: injection.func as (...args: unknown[]) => unknown, args: injection.args },
    );
    // A script that returns nothing gives null in Chrome and undefined in Firefox: undefined here either way.
    return { ok: true, value: (result?.result ?? undefined) as T | undefined };
  } catch (error) {
    const failure = describeInjectionFailure(error, url);
    // The browser's message may quote the page's URL: only the failure's code is kept.
    recordDiagnostic('tab-script-failed', { step: scriptName(injection), error: failure.code });
    return { ok: false, error: failure };
  }
}

/** Which script it was, for diagnostics: 'page-reader' or 'page-editor' installing agents, 'agent-call' for a call. */
function scriptName(injection: Injection): string {
  return 'files' in injection ? (injection.files[0] ?? '').replace(/^\//, '').replace(/\.js$/, '') : 'agent-call';
}
