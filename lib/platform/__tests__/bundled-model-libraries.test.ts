import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prebuiltWebLlmRecord } from '../../models/registry';
import { libraryFileName, withBundledLibrary } from '../bundled-model-libraries';
import { modelLibraryFiles } from '../model-library-files';

const record = prebuiltWebLlmRecord('Qwen2.5-0.5B-Instruct-q4f32_1-MLC')!;
const packaged = (path: string) => `chrome-extension://abc${path}`;

describe('bundled model libraries', () => {
  it('points a record at the packaged copy of its library', () => {
    const file = libraryFileName(record.model_lib);
    expect(file).toBe('Qwen2-0.5B-Instruct-q4f32_1_cs1k-webgpu.wasm');
    expect(withBundledLibrary(record, [file], packaged).model_lib).toBe(`chrome-extension://abc/model-libs/${file}`);
    expect(withBundledLibrary(record, [file], packaged).model).toBe(record.model);
  });

  it('leaves records whose library is not packaged alone', () => {
    expect(withBundledLibrary(record, ['Other-webgpu.wasm'], packaged)).toBe(record);
    expect(withBundledLibrary(record, [], packaged)).toBe(record);
  });

  it('lists only the .wasm files of the folder, and refuses a folder that does not exist', () => {
    const folder = mkdtempSync(join(tmpdir(), 'tacit-libs-'));
    writeFileSync(join(folder, 'b-webgpu.wasm'), '');
    writeFileSync(join(folder, 'a-webgpu.wasm'), '');
    writeFileSync(join(folder, 'notes.txt'), '');
    expect(modelLibraryFiles(folder).map((file) => file.fileName)).toEqual(['a-webgpu.wasm', 'b-webgpu.wasm']);
    expect(modelLibraryFiles(undefined)).toEqual([]);
    expect(() => modelLibraryFiles(join(folder, 'missing'))).toThrow(/is not a folder/);
  });
});
