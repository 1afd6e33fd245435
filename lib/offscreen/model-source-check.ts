/** After a failed download, asks the model source directly so the message can say what it answered. */
import { tacitError, type TacitError } from '../core/errors';
import { isGgufRecord } from '../models/records';
import type { AnyModelRecord } from '../models/types';
import { hostOf } from './downloads/download-errors';
import { ggufParts } from './downloads/gguf-files';
import { chatConfigUrl, modelBaseUrl } from './downloads/webllm-urls';

const CHECK_TIMEOUT_MS = 5000;

export async function checkModelSource(record: AnyModelRecord, failure: TacitError): Promise<TacitError> {
  let configUrl: string;
  try {
    // The first file the engine asks for: WebLLM's chat config at the URL it builds, or the GGUF file itself.
    configUrl = isGgufRecord(record) ? ggufParts(record.model)[0]!.url : chatConfigUrl(modelBaseUrl(record.model));
  } catch {
    // No URL to check: the failure stands as it was (and is recorded by the engine host).
    return failure;
  }
  const host = hostOf(configUrl);
  try {
    const response = await fetch(configUrl, { method: 'HEAD', signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) });
    if (!response.ok) return tacitError('model-download-failed', { host, status: response.status });
    return failure;
  } catch {
    return tacitError('model-source-unreachable', { host });
  }
}
