/** The extension pages' Content Security Policy: WebAssembly for the engine, and fetches only to model sources. */

/** Hosts WebLLM downloads from by default. Hugging Face redirects weight downloads to CDN hosts under these families. */
export const DEFAULT_MODEL_SOURCES = [
  'https://huggingface.co',
  'https://*.huggingface.co',
  'https://*.hf.co',
  'https://raw.githubusercontent.com',
] as const;

/** Local mirrors a user (or an air-gapped install) can point Tacit at without rebuilding. */
export const LOCAL_MODEL_SOURCES = ['http://127.0.0.1:*', 'http://localhost:*'] as const;

const SOURCE_PATTERN = /^https:\/\/(\*\.)?[a-z0-9.-]+(:\d+)?$/i;

/** Parses a space- or comma-separated list of extra https origins, rejecting anything that is not one. */
export function parseExtraSources(list: string | undefined): string[] {
  if (!list) return [];
  const sources = list.split(/[\s,]+/).filter(Boolean);
  for (const source of sources) {
    if (!SOURCE_PATTERN.test(source)) {
      throw new Error(`Model source "${source}" is not an https origin such as https://models.example.org`);
    }
  }
  return sources;
}

/** blobWorkers: the page starts workers from blob: URLs (llama.cpp in Firefox's background page needs it). */
export function extensionPagesCsp(
  extraSources: readonly string[] = [],
  options: { blobWorkers?: boolean } = {},
): string {
  const connect = ["'self'", ...DEFAULT_MODEL_SOURCES, ...LOCAL_MODEL_SOURCES, ...extraSources];
  const script = options.blobWorkers
    ? "script-src 'self' blob: 'wasm-unsafe-eval'"
    : "script-src 'self' 'wasm-unsafe-eval'";
  return [script, "object-src 'self'", `connect-src ${connect.join(' ')}`].join('; ');
}
