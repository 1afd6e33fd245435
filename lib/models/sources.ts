/** Where model files come from: the default hosts, or a mirror that serves the same paths. */
import type { AnyModelRecord } from './types';

/** Validates a mirror base URL: https anywhere, plain http only on this machine. */
export function parseMirrorBaseUrl(value: string): { ok: true; url: string } | { ok: false; reason: string } {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    // The reason says it: not a URL.
    return { ok: false, reason: 'not-a-url' };
  }
  const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) return { ok: false, reason: 'scheme' };
  if (url.search || url.hash || url.username || url.password) return { ok: false, reason: 'extra-parts' };
  return { ok: true, url: url.href.replace(/\/+$/, '') };
}

/**
 * A mirror replaces the origin of every model URL and keeps the path (e.g. `/mlc-ai/<model>/resolve/main/...`, or
 * `/bartowski/<repo>/resolve/main/<file>.gguf`).
 */
export function withMirror<R extends AnyModelRecord>(record: R, mirrorBaseUrl: string | undefined): R {
  if (!mirrorBaseUrl) return record;
  const rehost = (original: string) => {
    const url = new URL(original);
    return `${mirrorBaseUrl}${url.pathname}`;
  };
  if ('format' in record) return { ...record, model: rehost(record.model) };
  return { ...record, model: rehost(record.model), model_lib: rehost(record.model_lib) };
}
