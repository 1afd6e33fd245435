/**
 * Build option for Chrome Web Store packages, which may not load remotely hosted code: model libraries (.wasm) found
 * in TACIT_MODEL_LIBS_DIR are packaged under model-libs/, and records whose library has that file name use the copy.
 */
import type { ModelRecord } from '@mlc-ai/web-llm';

export const BUNDLED_LIBRARY_FOLDER = 'model-libs';

/** File names of the libraries packaged into this build (set at build time; empty when none were). */
export const BUNDLED_MODEL_LIBRARIES: readonly string[] =
  typeof __TACIT_BUNDLED_MODEL_LIBS__ === 'undefined' ? [] : __TACIT_BUNDLED_MODEL_LIBS__;

export function libraryFileName(modelLibUrl: string): string {
  try {
    return new URL(modelLibUrl).pathname.split('/').pop() ?? '';
  } catch {
    // Not a URL: no file name, so it cannot be one of the bundled ones.
    return '';
  }
}

/** The record with its library pointed at the packaged copy, when this build has one. */
export function withBundledLibrary(
  record: ModelRecord,
  bundled: readonly string[],
  packagedUrl: (path: string) => string,
): ModelRecord {
  const file = libraryFileName(record.model_lib);
  if (!file || !bundled.includes(file)) return record;
  return { ...record, model_lib: packagedUrl(`/${BUNDLED_LIBRARY_FOLDER}/${file}`) };
}
