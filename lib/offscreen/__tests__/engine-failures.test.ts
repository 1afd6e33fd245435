import { describe, expect, it } from 'vitest';
import { describeEngineFailure } from '../engine-failures';

/** Builds an Error as WebLLM and the browser name them, so the classifier sees "Name: message". */
function named(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

const HOST = { modelHost: 'huggingface.co' };

describe('describeEngineFailure', () => {
  it("classifies WebLLM's DeviceLostError as a lost GPU, not as running out of memory", () => {
    const error = named(
      'DeviceLostError',
      'The WebGPU device was lost while loading the model. This issue often occurs due to running out of memory (OOM). ' +
        'To resolve this, try reloading with a model that has fewer parameters or uses a smaller context length.',
    );
    expect(describeEngineFailure(error, HOST)).toEqual({ code: 'gpu-device-lost' });
  });

  it('classifies a full cache storage as a storage quota failure', () => {
    const error = named('QuotaExceededError', "Failed to execute 'put' on 'Cache': Quota exceeded.");
    expect(describeEngineFailure(error, HOST)).toEqual({ code: 'storage-quota' });
  });

  it('classifies a GPU allocation failure as out of GPU memory', () => {
    expect(describeEngineFailure(new Error('Out of memory: Failed to allocate buffer'), HOST)).toEqual({
      code: 'out-of-gpu-memory',
    });
  });

  it('classifies a failed cache download as a download failure naming the host', () => {
    const error = new TypeError("Failed to execute 'add' on 'Cache': Request failed");
    expect(describeEngineFailure(error, HOST)).toEqual({ code: 'model-download-failed', host: 'huggingface.co' });
  });

  it('classifies a network failure as an unreachable model source naming the host', () => {
    expect(describeEngineFailure(new TypeError('Failed to fetch'), HOST)).toEqual({
      code: 'model-source-unreachable',
      host: 'huggingface.co',
    });
  });

  it('classifies a CSP violation as a download blocked by policy', () => {
    const text =
      "Refused to connect to 'https://huggingface.co/mlc-ai/x/resolve/main/ndarray-cache.json' because it violates the " +
      'following Content Security Policy directive: "connect-src \'self\'".';
    expect(describeEngineFailure(text, HOST)).toEqual({ code: 'model-blocked-by-policy', host: 'huggingface.co' });
  });

  it("classifies WebLLM's ShaderF16SupportError as missing WebGPU support for shader-f16", () => {
    const error = named(
      'ShaderF16SupportError',
      'This model requires WebGPU extension shader-f16, which is not enabled in this browser. ' +
        'You can try to launch Chrome Canary in command line with flag "--enable-dawn-features=allow_unsafe_apis".',
    );
    expect(describeEngineFailure(error, HOST)).toEqual({ code: 'no-webgpu', reason: 'shader-f16' });
  });

  it('classifies a missing WebGPU as no-webgpu', () => {
    expect(describeEngineFailure(new Error('WebGPU is not supported in your current environment'))).toEqual({
      code: 'no-webgpu',
    });
  });

  it('classifies an unknown model id as model-unknown', () => {
    expect(describeEngineFailure(named('ModelNotFoundError', 'Cannot find model record in appConfig for X'))).toEqual({
      code: 'model-unknown',
    });
  });

  it('leaves the host out of a download failure when none is known', () => {
    expect(describeEngineFailure(new TypeError('Failed to fetch'))).toEqual({ code: 'model-source-unreachable' });
  });

  it('reports anything else as unknown with the error text cut to 200 characters', () => {
    const error = new RangeError(`Something odd happened ${'z'.repeat(500)}`);
    const cause = `RangeError: Something odd happened ${'z'.repeat(200)}`.slice(0, 200);
    expect(cause).toHaveLength(200);
    expect(describeEngineFailure(error, HOST)).toEqual({ code: 'unknown', cause });
  });

  it('classifies error text that survived a worker hop as a plain string', () => {
    expect(describeEngineFailure('TypeError: Failed to fetch', HOST).code).toBe('model-source-unreachable');
    expect(describeEngineFailure('weird string')).toEqual({ code: 'unknown', cause: 'weird string' });
  });

  it('classifies plain objects by their JSON text', () => {
    expect(describeEngineFailure({ name: 'QuotaExceededError' })).toEqual({ code: 'storage-quota' });
    expect(describeEngineFailure({ reason: 42 })).toEqual({ code: 'unknown', cause: '{"reason":42}' });
  });

  it('does not throw for objects that cannot be turned into JSON', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(describeEngineFailure(circular)).toEqual({ code: 'unknown', cause: '[object Object]' });
  });

  it('does not throw for a rejection without a value', () => {
    // Promise.reject() and reject(undefined) reach the engine host's catch with undefined.
    expect(describeEngineFailure(undefined)).toEqual({ code: 'unknown', cause: 'undefined' });
  });
});
