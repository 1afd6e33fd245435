/** Why a model download stopped, as values the options page can show (with the facts its message needs). */
import { tacitError, unknownError, type TacitError } from '../../core/errors';

export type DownloadError =
  | { code: 'cancelled' }
  /** The connection failed or was cut before the file was complete. */
  | { code: 'network'; host: string; url: string; detail: string }
  | { code: 'http'; status: number; host: string; url: string }
  /** The browser refused to store more; `bytesNeeded` is what the model still has to store. */
  | { code: 'quota'; bytesNeeded: number }
  /** A file arrived or sits in the cache with the wrong size or unreadable content. */
  | { code: 'corrupt'; urls: string[]; detail: string }
  /** The Cache API failed for another reason than quota. */
  | { code: 'storage'; detail: string }
  | { code: 'invalid-record'; detail: string };

export type DownloadErrorCode = DownloadError['code'];

/** Carries a DownloadError through async code to the one place that returns it. */
export class DownloadFailure extends Error {
  constructor(readonly error: DownloadError) {
    super(error.code);
    this.name = 'DownloadFailure';
  }
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    // Not an absolute URL: there is no host to name.
    return '';
  }
}

export function describeCause(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 200);
  return String(error).slice(0, 200);
}

/** The download's failure in the words every other model failure uses. */
export function downloadFailure(error: DownloadError): TacitError {
  switch (error.code) {
    case 'cancelled':
      return tacitError('download-cancelled');
    case 'network':
      return tacitError('model-source-unreachable', { host: error.host });
    case 'http':
      return tacitError('model-download-failed', { host: error.host, status: error.status });
    case 'quota':
      return tacitError('storage-quota', { bytesNeeded: error.bytesNeeded });
    case 'corrupt':
      return tacitError('model-files-corrupt');
    case 'storage':
    case 'invalid-record':
      return unknownError(error.detail);
  }
}
