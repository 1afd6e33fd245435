import { describe, expect, it } from 'vitest';
import { allowedOriginsForRecords, isOriginAllowedByCsp, validateCustomRecord } from '../custom-records';
import { DEFAULT_MODEL_SOURCES, LOCAL_MODEL_SOURCES } from '../../platform/csp';

const valid = {
  model_id: 'MyModel-1B.q4f16_1',
  model: 'https://models.example.org/mlc/MyModel',
  model_lib: 'https://models.example.org/libs/MyModel-webgpu.wasm',
  vram_required_MB: 1200.5,
  context_window_size: 4096,
};
const none = { existingIds: [] };
const CSP = ["'self'", ...DEFAULT_MODEL_SOURCES, ...LOCAL_MODEL_SOURCES];

function errorCodes(input: unknown, existingIds: string[] = []) {
  const result = validateCustomRecord(input, { existingIds });
  return result.ok ? [] : result.errors.map((e) => `${e.field}:${e.code}`);
}

describe('validateCustomRecord', () => {
  it('builds a WebLLM record with the context window as an override', () => {
    const result = validateCustomRecord({ ...valid, required_features: ['shader-f16'], extra: 'dropped' }, none);
    expect(result).toEqual({
      ok: true,
      warnings: [],
      record: {
        model_id: 'MyModel-1B.q4f16_1',
        model: 'https://models.example.org/mlc/MyModel',
        model_lib: 'https://models.example.org/libs/MyModel-webgpu.wasm',
        vram_required_MB: 1200.5,
        overrides: { context_window_size: 4096 },
        required_features: ['shader-f16'],
      },
    });
  });

  it('builds a GGUF record for the CPU engine from its file URL, memory and context window', () => {
    const result = validateCustomRecord(
      {
        format: 'gguf',
        model_id: 'My-Model-Q4_K_M',
        model: 'https://huggingface.co/org/My-Model-GGUF/resolve/main/My-Model-Q4_K_M.gguf',
        ram_required_MB: '1500',
        context_window_size: 4096,
        model_lib: 'ignored for GGUF',
      },
      { existingIds: [], cspConnectSources: CSP },
    );
    expect(result).toEqual({
      ok: true,
      warnings: [],
      record: {
        format: 'gguf',
        model_id: 'My-Model-Q4_K_M',
        model: 'https://huggingface.co/org/My-Model-GGUF/resolve/main/My-Model-Q4_K_M.gguf',
        ram_required_MB: 1500,
        overrides: { context_window_size: 4096 },
      },
    });
  });

  it('takes the first part of a split GGUF, and refuses other files or a later part', () => {
    const gguf = { format: 'gguf', model_id: 'Split', ram_required_MB: 900, context_window_size: 2048 };
    const base = 'https://models.example.org/big';
    expect(errorCodes({ ...gguf, model: `${base}-00001-of-00003.gguf` })).toEqual([]);
    expect(errorCodes({ ...gguf, model: `${base}-00002-of-00003.gguf` })).toEqual(['model:not-gguf']);
    expect(errorCodes({ ...gguf, model: `${base}.bin` })).toEqual(['model:not-gguf']);
    expect(errorCodes({ ...gguf, model: 'http://models.example.org/a.gguf' })).toEqual(['model:remote-http']);
    expect(errorCodes({ format: 'gguf', model: `${base}.gguf` })).toEqual([
      'model_id:missing',
      'ram_required_MB:missing',
      'context_window_size:missing',
    ]);
    expect(errorCodes({ ...gguf, model: `${base}.gguf`, ram_required_MB: 0 })).toEqual([
      'ram_required_MB:out-of-range',
    ]);
  });

  it('warns when this build cannot reach a GGUF host', () => {
    const result = validateCustomRecord(
      {
        format: 'gguf',
        model_id: 'Elsewhere',
        model: 'https://models.example.org/m.gguf',
        ram_required_MB: 500,
        context_window_size: 2048,
      },
      { existingIds: [], cspConnectSources: CSP },
    );
    expect(result.ok && result.warnings).toEqual([
      { field: 'model', code: 'origin-not-in-csp', origin: 'https://models.example.org' },
    ]);
  });

  it('accepts numbers typed as text and local http mirrors', () => {
    const result = validateCustomRecord(
      {
        ...valid,
        model: 'http://127.0.0.1:8080/m',
        model_lib: 'http://localhost/lib.wasm',
        vram_required_MB: '900',
        context_window_size: '2048',
      },
      none,
    );
    expect(result.ok && result.record).toMatchObject({
      vram_required_MB: 900,
      overrides: { context_window_size: 2048 },
    });
  });

  it('rejects unsafe or unusable URL schemes with a clear message', () => {
    expect(errorCodes({ ...valid, model: 'javascript:alert(1)' })).toEqual(['model:bad-scheme']);
    expect(errorCodes({ ...valid, model: 'file:///home/me/model' })).toEqual(['model:bad-scheme']);
    expect(errorCodes({ ...valid, model_lib: 'ftp://127.0.0.1/lib.wasm' })).toEqual(['model_lib:bad-scheme']);
    expect(errorCodes({ ...valid, model: 'http://models.example.org/m' })).toEqual(['model:remote-http']);
    expect(errorCodes({ ...valid, model: 'not a url' })).toEqual(['model:not-a-url']);
    expect(errorCodes({ ...valid, model: 'https://user:pw@example.org/m' })).toEqual(['model:extra-url-parts']);
    expect(errorCodes({ ...valid, model_lib: 'https://example.org/lib.js' })).toEqual(['model_lib:not-wasm']);
    expect(validateCustomRecord({ ...valid, model: 'javascript:alert(1)' }, none)).toEqual({
      ok: false,
      errors: [{ field: 'model', code: 'bad-scheme', scheme: 'javascript:' }],
    });
  });

  it('reports every missing field at once', () => {
    expect(errorCodes({})).toEqual([
      'model_id:missing',
      'model:missing',
      'model_lib:missing',
      'vram_required_MB:missing',
      'context_window_size:missing',
    ]);
    expect(errorCodes(null)).toEqual(['record:not-an-object']);
    expect(errorCodes(['x'])).toEqual(['record:not-an-object']);
  });

  it('rejects non-numeric and absurd sizes', () => {
    expect(errorCodes({ ...valid, vram_required_MB: 'big' })).toEqual(['vram_required_MB:not-a-number']);
    expect(errorCodes({ ...valid, vram_required_MB: 0 })).toEqual(['vram_required_MB:out-of-range']);
    expect(errorCodes({ ...valid, vram_required_MB: -5 })).toEqual(['vram_required_MB:out-of-range']);
    expect(errorCodes({ ...valid, vram_required_MB: 80001 })).toEqual(['vram_required_MB:out-of-range']);
    expect(errorCodes({ ...valid, vram_required_MB: 80000 })).toEqual([]);
    expect(errorCodes({ ...valid, vram_required_MB: Infinity })).toEqual(['vram_required_MB:not-a-number']);
    expect(errorCodes({ ...valid, context_window_size: 511 })).toEqual(['context_window_size:out-of-range']);
    expect(errorCodes({ ...valid, context_window_size: 131073 })).toEqual(['context_window_size:out-of-range']);
    expect(errorCodes({ ...valid, context_window_size: 4096.5 })).toEqual(['context_window_size:not-an-integer']);
    expect(errorCodes({ ...valid, context_window_size: 512 })).toEqual([]);
  });

  it('checks the model id charset, length and duplicates', () => {
    expect(errorCodes({ ...valid, model_id: 'bad id/../x' })).toEqual(['model_id:bad-charset']);
    expect(errorCodes({ ...valid, model_id: 'a'.repeat(129) })).toEqual(['model_id:too-long']);
    expect(errorCodes({ ...valid, model_id: 'a'.repeat(128) })).toEqual([]);
    expect(errorCodes({ ...valid, model_id: 42 })).toEqual(['model_id:not-a-string']);
    expect(errorCodes(valid, ['Qwen2.5-0.5B-Instruct-q4f16_1-MLC', 'mymodel-1b.Q4F16_1'])).toEqual([
      'model_id:duplicate',
    ]);
  });

  it('allows only known required features', () => {
    expect(errorCodes({ ...valid, required_features: ['shader-f16', 'subgroups'] })).toEqual([
      'required_features:unknown-feature',
    ]);
    expect(errorCodes({ ...valid, required_features: 'shader-f16' })).toEqual(['required_features:not-an-array']);
    const result = validateCustomRecord({ ...valid, required_features: [] }, none);
    expect(result.ok && 'required_features' in result.record).toBe(false);
  });

  it('warns when this build cannot reach a record host, naming its origin', () => {
    const result = validateCustomRecord(
      { ...valid, model: 'https://huggingface.co/me/MyModel' },
      { existingIds: [], cspConnectSources: CSP },
    );
    expect(result.ok && result.warnings).toEqual([
      { field: 'model_lib', code: 'origin-not-in-csp', origin: 'https://models.example.org' },
    ]);
  });

  it('carries the limits and known values its messages need', () => {
    const errorsOf = (input: unknown) => {
      const result = validateCustomRecord(input, none);
      return result.ok ? [] : result.errors;
    };
    expect(errorsOf({ ...valid, model_id: 'a'.repeat(129) })).toEqual([
      { field: 'model_id', code: 'too-long', maxLength: 128 },
    ]);
    expect(errorsOf({ ...valid, vram_required_MB: 0 })).toEqual([
      { field: 'vram_required_MB', code: 'out-of-range', min: 0, max: 80000, minExclusive: true },
    ]);
    expect(errorsOf({ ...valid, context_window_size: 511 })).toEqual([
      { field: 'context_window_size', code: 'out-of-range', min: 512, max: 131072, minExclusive: false },
    ]);
    expect(errorsOf({ ...valid, required_features: ['subgroups'] })).toEqual([
      { field: 'required_features', code: 'unknown-feature', known: ['shader-f16'] },
    ]);
  });
});

describe('allowedOriginsForRecords', () => {
  it('lists each origin once, sorted', () => {
    const record = (model: string, model_lib: string) => ({ model_id: 'x', model, model_lib });
    expect(
      allowedOriginsForRecords([
        record('https://huggingface.co/a/b', 'https://raw.githubusercontent.com/x/y.wasm'),
        record('http://127.0.0.1:8080/m', 'https://huggingface.co/lib.wasm'),
      ]),
    ).toEqual(['http://127.0.0.1:8080', 'https://huggingface.co', 'https://raw.githubusercontent.com']);
  });
});

describe('isOriginAllowedByCsp', () => {
  it('matches the default connect-src list', () => {
    expect(isOriginAllowedByCsp('https://huggingface.co/mlc-ai/x/resolve/main/a.bin', CSP)).toBe(true);
    expect(isOriginAllowedByCsp('https://cdn-lfs.huggingface.co/repos/x', CSP)).toBe(true);
    expect(isOriginAllowedByCsp('https://cas-bridge.xethub.hf.co/x', CSP)).toBe(true);
    expect(isOriginAllowedByCsp('http://127.0.0.1:8080/m', CSP)).toBe(true);
    expect(isOriginAllowedByCsp('http://localhost/m', CSP)).toBe(true);
    expect(isOriginAllowedByCsp('https://models.example.org/m', CSP)).toBe(false);
    expect(isOriginAllowedByCsp('http://huggingface.co/m', CSP)).toBe(false);
    expect(isOriginAllowedByCsp('https://evilhuggingface.co/m', CSP)).toBe(false);
    expect(isOriginAllowedByCsp('https://hf.co/m', CSP)).toBe(false);
    // CSP3 lets an http source match its https upgrade.
    expect(isOriginAllowedByCsp('https://127.0.0.1/m', CSP)).toBe(true);
    expect(isOriginAllowedByCsp('http://127.0.0.2:8080/m', CSP)).toBe(false);
    expect(isOriginAllowedByCsp('not a url', CSP)).toBe(false);
  });

  it('matches ports: none means the default port, * means any', () => {
    expect(isOriginAllowedByCsp('https://huggingface.co:443/m', CSP)).toBe(true);
    expect(isOriginAllowedByCsp('https://huggingface.co:8443/m', CSP)).toBe(false);
    expect(isOriginAllowedByCsp('https://m.example.org:8443/x', ['https://m.example.org:8443'])).toBe(true);
    expect(isOriginAllowedByCsp('https://m.example.org/x', ['https://m.example.org:443'])).toBe(true);
    expect(isOriginAllowedByCsp('https://m.example.org:9000/x', ['https://m.example.org:8443'])).toBe(false);
  });

  it('handles scheme sources, upgrades, *, scheme-less hosts, paths and case', () => {
    expect(isOriginAllowedByCsp('https://anything.example/x', ['https:'])).toBe(true);
    expect(isOriginAllowedByCsp('http://anything.example/x', ['https:'])).toBe(false);
    expect(isOriginAllowedByCsp('https://m.example.org/x', ['http://m.example.org'])).toBe(true);
    expect(isOriginAllowedByCsp('https://m.example.org/x', ['*'])).toBe(true);
    expect(isOriginAllowedByCsp('ftp://m.example.org/x', ['*'])).toBe(false);
    expect(isOriginAllowedByCsp('https://m.example.org/x', ['m.example.org'])).toBe(true);
    expect(isOriginAllowedByCsp('http://m.example.org/x', ['m.example.org'])).toBe(false);
    expect(isOriginAllowedByCsp('https://m.example.org/models/a', ['https://m.example.org/models/'])).toBe(true);
    expect(isOriginAllowedByCsp('https://m.example.org/other/a', ['https://m.example.org/models/'])).toBe(false);
    expect(isOriginAllowedByCsp('https://M.Example.ORG/x', ['HTTPS://m.example.org'])).toBe(true);
    expect(isOriginAllowedByCsp('https://m.example.org/x', ["'self'", "'none'"])).toBe(false);
  });
});
