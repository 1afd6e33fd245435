/** Turns the browser's refusal to run our script in a tab into a specific, actionable failure. Pure. */
import { tacitError, type TacitError } from '../../core/errors';
import { restrictedPageReason } from './restricted-pages';

export function describeInjectionFailure(error: unknown, tabUrl: string | undefined): TacitError {
  const text = error instanceof Error ? error.message : String(error);
  const restricted = restrictedPageReason(tabUrl);
  if (restricted) return tacitError('restricted-page', { page: restricted });
  // Chrome's messages quote the page URL, so match the message's own wording, never a URL fragment anywhere in it.
  if (/^The extensions gallery cannot be scripted/i.test(text))
    return tacitError('restricted-page', { page: 'web-store' });
  if (/^Cannot access a (chrome|edge|about|devtools):\/?\/? ?URL/i.test(text))
    return tacitError('restricted-page', { page: 'browser-page' });
  if (/^Cannot access contents of url "(chrome|edge|about|devtools):/i.test(text))
    return tacitError('restricted-page', { page: 'browser-page' });
  if (/^Cannot access contents of url "chrome-extension:\/\//i.test(text))
    return tacitError('restricted-page', { page: 'extension-page' });
  if (/No tab with id|No frame with id|Frame with ID .* was removed|tab was closed/i.test(text))
    return tacitError('tab-closed');
  // Without a grant (the user did not invoke Tacit on this tab) Chrome says the manifest lacks permission. A file on
  // this computer is never granted by a click: the browser's "Allow access to file URLs" switch for Tacit is.
  if (/Cannot access contents of the page|must request permission|Missing host permission/i.test(text)) {
    const file = isFileUrl(tabUrl) || /^Cannot access contents of url "file:/i.test(text);
    return tacitError(file ? 'no-file-access' : 'no-page-access');
  }
  if (/error page|showing error/i.test(text)) return tacitError('restricted-page', { page: 'browser-page' });
  return tacitError('extraction-failed');
}

function isFileUrl(url: string | undefined): boolean {
  return /^file:/i.test(url?.trim() ?? '');
}
