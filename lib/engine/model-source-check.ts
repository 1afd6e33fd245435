/** After a failed download, asks the model source directly so the message can say what it answered. */
import type { ModelRecord } from '@mlc-ai/web-llm';
import { tacitError, type TacitError } from '../messaging/errors';

const CHECK_TIMEOUT_MS = 5000;

export async function checkModelSource(record: ModelRecord, failure: TacitError): Promise<TacitError> {
  let host: string;
  let configUrl: string;
  try {
    const base = new URL(record.model.endsWith('/') ? record.model : `${record.model}/`);
    host = base.host;
    configUrl = new URL('resolve/main/mlc-chat-config.json', base).href;
  } catch {
    return failure;
  }
  try {
    const response = await fetch(configUrl, { method: 'HEAD', signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) });
    if (!response.ok) return tacitError('model-download-failed', `${host} (HTTP ${response.status})`);
    return failure;
  } catch {
    return tacitError('model-source-unreachable', host);
  }
}
