/** Classifies what went wrong in the engine into a failure the user can act on. Pure: no browser APIs. */
import { tacitError, unknownError, type TacitError } from '../core/errors';

export interface FailureContext {
  /** Host the model files come from, named in download messages. */
  modelHost?: string;
}

/** A failure an engine already classified (e.g. a GGUF download that was cut), passed through as it is. */
export class EngineFailure extends Error {
  constructor(readonly failure: TacitError) {
    super(failure.code);
    this.name = 'EngineFailure';
  }
}

/** Maps WebLLM, WebGPU and fetch errors (often only their text survives a worker hop) to a TacitError. */
export function describeEngineFailure(error: unknown, context: FailureContext = {}): TacitError {
  if (error instanceof EngineFailure) return error.failure;
  const text = errorText(error);
  const host = context.modelHost;
  if (/QuotaExceeded|quota/i.test(text)) return tacitError('storage-quota');
  if (/device (was )?lost|DeviceLost/i.test(text)) return tacitError('gpu-device-lost');
  if (/out of memory|OutOfMemory|allocation failed|Failed to allocate/i.test(text))
    return tacitError('out-of-gpu-memory');
  if (
    /WebGPU is not (supported|available)|navigator\.gpu|Unable to find a compatible GPU|WebGPUNotFound|WebGPUNotAvailable/i.test(
      text,
    )
  ) {
    return tacitError('no-webgpu');
  }
  if (/shader-f16|ShaderF16/i.test(text)) return tacitError('no-webgpu', { reason: 'shader-f16' });
  if (/Content Security Policy|violates the following/i.test(text))
    return tacitError('model-blocked-by-policy', { host });
  if (/Request failed|Network response was not ok|received status|Cannot fetch/i.test(text)) {
    return tacitError('model-download-failed', { host });
  }
  if (/Failed to fetch|NetworkError|ERR_|net::|Load failed|aborted/i.test(text)) {
    return tacitError('model-source-unreachable', { host });
  }
  if (/Cannot find model record|ModelNotFound|SpecifiedModelNotFound/i.test(text)) return tacitError('model-unknown');
  return unknownError(text);
}

function errorText(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    // A cyclic or exotic value: its plain string form is all there is to match.
    return String(error);
  }
}
