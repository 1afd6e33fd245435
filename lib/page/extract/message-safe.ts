/** Makes an extraction result safe to return from an injected script (plain data only, no Error objects). */
import type { ExtractResult } from './types';

export function toMessageSafe(result: ExtractResult): ExtractResult {
  if (result.ok) return result;
  const { cause, ...error } = result.error;
  return { ...result, error: cause === undefined ? error : { ...error, cause: String(cause).slice(0, 300) } };
}
