/** Build-time (Node) half of bundling model libraries: which .wasm files a folder holds. Used by wxt.config.ts. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface LibraryFile {
  fileName: string;
  absolutePath: string;
}

export function modelLibraryFiles(folder: string | undefined): LibraryFile[] {
  if (!folder) return [];
  const root = resolve(folder);
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    throw new Error(`TACIT_MODEL_LIBS_DIR "${folder}" is not a folder`);
  }
  return readdirSync(root)
    .filter((name) => name.endsWith('.wasm'))
    .sort()
    .map((fileName) => ({ fileName, absolutePath: join(root, fileName) }));
}
