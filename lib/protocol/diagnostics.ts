/** Diagnostics from the engine host and the extension pages: sent to the background, which checks and keeps them. */
import { errorName, type DiagnosticContext, type RecordDiagnostic } from '../core/diagnostics';
import type { RequestType } from './messages';
import { sendRequest, type RequestFailureListener } from './requests';

/** Records for a context without storage of its own (the offscreen document) or that leaves writing to one owner. */
export function diagnosticsReporter(context: Exclude<DiagnosticContext, 'background' | 'page'>): RecordDiagnostic {
  return (code, details) =>
    void Promise.resolve()
      .then(() => sendRequest('diagnostics/record', details ? { context, code, details } : { context, code }))
      // A background that cannot be reached cannot keep the record either, and there is nowhere else to put it.
      .catch(() => undefined);
}

/** A request's name as an identifier: 'reply/insert' becomes 'reply.insert'. */
export function requestName(type: RequestType): string {
  return type.replace('/', '.');
}

/** Records requests that failed, where they were answered or where they were asked. */
export function recordRequestFailures(record: RecordDiagnostic): RequestFailureListener {
  return (type, error) => record('request-failed', { request: requestName(type), error: errorName(error) });
}
