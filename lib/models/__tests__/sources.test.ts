import { describe, expect, it } from 'vitest';
import { parseMirrorBaseUrl, withMirror } from '../sources';
import { ggufIdForTask, modelIdForTask, prebuiltRecord, prebuiltWebLlmRecord } from '../registry';

describe('model sources', () => {
  it('accepts https mirrors and local http, rejects the rest', () => {
    expect(parseMirrorBaseUrl('https://models.example.org/')).toEqual({ ok: true, url: 'https://models.example.org' });
    expect(parseMirrorBaseUrl('http://127.0.0.1:8080/m')).toEqual({ ok: true, url: 'http://127.0.0.1:8080/m' });
    expect(parseMirrorBaseUrl('http://models.example.org')).toEqual({ ok: false, reason: 'scheme' });
    expect(parseMirrorBaseUrl('ftp://127.0.0.1')).toEqual({ ok: false, reason: 'scheme' });
    expect(parseMirrorBaseUrl('not a url')).toEqual({ ok: false, reason: 'not-a-url' });
  });

  it('rehosts weights and library onto the mirror, keeping paths', () => {
    const record = prebuiltWebLlmRecord(modelIdForTask('summarize', 'f32'))!;
    const mirrored = withMirror(record, 'http://127.0.0.1:9000');
    expect(mirrored.model).toBe('http://127.0.0.1:9000/mlc-ai/Qwen2.5-1.5B-Instruct-q4f32_1-MLC');
    expect(mirrored.model_lib).toMatch(/^http:\/\/127\.0\.0\.1:9000\/mlc-ai\/binary-mlc-llm-libs\/.*\.wasm$/);
    expect(withMirror(record, undefined)).toBe(record);
  });

  it('every task resolves to a prebuilt record in both precisions', () => {
    for (const task of ['summarize', 'draft', 'rewrite', 'chat'] as const) {
      for (const precision of ['f16', 'f32'] as const) {
        for (const choice of ['default', 'light'] as const) {
          expect(
            prebuiltRecord(modelIdForTask(task, precision, choice)),
            `${task}/${precision}/${choice}`,
          ).toBeDefined();
        }
      }
    }
  });

  it('rehosts a GGUF file onto the mirror, keeping its Hugging Face path', () => {
    const record = prebuiltRecord(ggufIdForTask('draft', 'light'))!;
    expect(record.model).toBe(
      'https://huggingface.co/bartowski/Llama-3.2-1B-Instruct-GGUF/resolve/main/Llama-3.2-1B-Instruct-Q4_K_M.gguf',
    );
    expect(withMirror(record, 'http://127.0.0.1:9000')).toEqual({
      ...record,
      model:
        'http://127.0.0.1:9000/bartowski/Llama-3.2-1B-Instruct-GGUF/resolve/main/Llama-3.2-1B-Instruct-Q4_K_M.gguf',
    });
  });

  it('every task has a GGUF build of its default and lighter model for the CPU', () => {
    for (const task of ['summarize', 'draft', 'rewrite', 'chat'] as const) {
      for (const choice of ['default', 'light'] as const) {
        const record = prebuiltRecord(ggufIdForTask(task, choice));
        expect(record, `${task}/${choice}`).toMatchObject({ format: 'gguf' });
        expect(record!.model.endsWith('-Q4_K_M.gguf')).toBe(true);
      }
    }
  });
});
