/** Where model files come from: the default hosts, or a mirror that serves the same paths. */
import type { AnyModelRecord } from './types';

/** The longest URL Tacit stores or fetches (what browsers and servers commonly accept). */
export const MAX_URL_LENGTH = 2048;
/** DNS limits: a host name of at most 253 characters, labels of 1–63 letters, digits or inner hyphens. */
const MAX_HOST_LENGTH = 253;
const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

export type MirrorUrlProblem = 'not-a-url' | 'too-long' | 'scheme' | 'extra-parts' | 'host-name';

/** Whether a parsed host name follows DNS rules (IP addresses pass: the URL parser has checked them). */
export function isValidHostName(hostname: string): boolean {
  if (hostname.startsWith('[')) return true;
  if (hostname.length > MAX_HOST_LENGTH) return false;
  return hostname.split('.').every((label) => HOST_LABEL.test(label));
}

/** Validates a mirror base URL: https anywhere, plain http only on this machine, within length and host-name rules. */
export function parseMirrorBaseUrl(value: string): { ok: true; url: string } | { ok: false; reason: MirrorUrlProblem } {
  if (value.trim().length > MAX_URL_LENGTH) return { ok: false, reason: 'too-long' };
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
  if (!isValidHostName(url.hostname)) return { ok: false, reason: 'host-name' };
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
