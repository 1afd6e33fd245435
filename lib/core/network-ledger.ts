/**
 * The privacy ledger: one entry per network request Tacit's own contexts made, with host, path, bytes and time only
 * (never a query string, page, mail or user text), so users can check what left their device. Pure.
 */
import { isOneOf } from './one-of';

export const LEDGER_CONTEXTS = ['background', 'offscreen', 'engine-worker', 'panel', 'options'] as const;
export type LedgerContext = (typeof LEDGER_CONTEXTS)[number];

export interface LedgerEntry {
  /** When the request started, in ms since the epoch. */
  time: number;
  context: LedgerContext;
  host: string;
  /** The URL path, without query or fragment (model files carry no user data; anything else would show here). */
  path: string;
  /** Bytes received for the request as the browser reports them (0 when it does not say). */
  bytes: number;
}

/** The most entries kept; older ones drop out, the totals keep counting. */
export const LEDGER_CAPACITY = 2000;
const MAX_PATH_LENGTH = 2048;

/** An entry for a request to the network, or null for the extension's own files, data: and blob: URLs. */
export function ledgerEntry(url: string, bytes: number, time: number, context: LedgerContext): LedgerEntry | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Not a URL at all: nothing went out.
    return null;
  }
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol)) return null;
  const safeBytes = Number.isFinite(bytes) && bytes > 0 ? Math.round(bytes) : 0;
  return {
    time: Math.round(time),
    context,
    host: parsed.host,
    path: parsed.pathname.slice(0, MAX_PATH_LENGTH),
    bytes: safeBytes,
  };
}

/** Checks an entry that crossed a message boundary, field by field. */
export function checkedLedgerEntry(value: unknown): LedgerEntry | null {
  if (typeof value !== 'object' || value === null) return null;
  const entry = value as Record<string, unknown>;
  const { time, context, host, path, bytes } = entry;
  if (typeof time !== 'number' || typeof bytes !== 'number' || typeof host !== 'string' || typeof path !== 'string')
    return null;
  if (!isOneOf(LEDGER_CONTEXTS, context)) return null;
  if (!/^[A-Za-z0-9.:[\]-]{1,260}$/.test(host) || !path.startsWith('/')) return null;
  return { time, context, host, path: path.slice(0, MAX_PATH_LENGTH), bytes: bytes > 0 ? Math.round(bytes) : 0 };
}

export interface LedgerTotals {
  requests: number;
  bytes: number;
  /** Requests and bytes per host, largest first. */
  hosts: Array<{ host: string; requests: number; bytes: number }>;
}

export function ledgerTotals(entries: readonly LedgerEntry[]): LedgerTotals {
  const hosts = new Map<string, { host: string; requests: number; bytes: number }>();
  for (const entry of entries) {
    const row = hosts.get(entry.host) ?? { host: entry.host, requests: 0, bytes: 0 };
    row.requests += 1;
    row.bytes += entry.bytes;
    hosts.set(entry.host, row);
  }
  const rows = [...hosts.values()].sort((a, b) => b.bytes - a.bytes || a.host.localeCompare(b.host));
  return {
    requests: entries.length,
    bytes: rows.reduce((sum, row) => sum + row.bytes, 0),
    hosts: rows,
  };
}

export function appendLedger(entries: readonly LedgerEntry[], added: readonly LedgerEntry[]): LedgerEntry[] {
  return [...entries, ...added].slice(-LEDGER_CAPACITY);
}
