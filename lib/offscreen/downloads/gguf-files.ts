/** The files of a GGUF model: one URL, or every part of a split one, and the names they are stored under. Pure. */

/** llama.cpp's `gguf-split` naming: `name-00001-of-00003.gguf`. */
const SPLIT_PART = /-(\d{5})-of-(\d{5})\.gguf$/;

export interface GgufPart {
  url: string;
  /** 1-based. */
  index: number;
  count: number;
}

/** Every part a GGUF record needs, in order: its own URL alone, or all parts when it names the first of a split. */
export function ggufParts(modelUrl: string): GgufPart[] {
  const match = SPLIT_PART.exec(modelUrl);
  if (!match) return [{ url: modelUrl, index: 1, count: 1 }];
  const count = Number(match[2]);
  const base = modelUrl.slice(0, match.index);
  return Array.from({ length: count }, (_, offset) => ({
    url: `${base}-${pad(offset + 1)}-of-${pad(count)}.gguf`,
    index: offset + 1,
    count,
  }));
}

/**
 * The stored file name of a part: a digest of the model's URL, then llama.cpp's part suffix, which wllama sorts
 * split models by. The same URL always maps to the same name, so a restart finds a partial download again.
 */
export async function storedPartName(modelUrl: string, part: GgufPart): Promise<string> {
  return `${await modelKey(modelUrl)}-${pad(part.index)}-of-${pad(part.count)}.gguf`;
}

/** The prefix every stored file of this model starts with. */
export async function modelKey(modelUrl: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(modelUrl));
  return [...new Uint8Array(digest).slice(0, 12)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The marker written beside a part once every byte of it is stored. */
export function doneMarkerName(partName: string): string {
  return `${partName}.done`;
}

function pad(value: number): string {
  return String(value).padStart(5, '0');
}
