/** After a failed download, asks the model source directly so the message can say what it answered. */
import type { ModelRecord } from '@mlc-ai/web-llm';
import { tacitError, type TacitError } from '../core/errors';
import { hostOf } from './downloads/download-errors';
import { chatConfigUrl, modelBaseUrl } from './downloads/webllm-urls';

const CHECK_TIMEOUT_MS = 5000;

export async function checkModelSource(record: ModelRecord, failure: TacitError): Promise<TacitError> {
  let configUrl: string;
  try {
    // The first file WebLLM asks for, at the URL it builds.
    configUrl = chatConfigUrl(modelBaseUrl(record.model));
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
