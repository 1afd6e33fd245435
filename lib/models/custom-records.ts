/**
 * Checks user-added model records (Options, tests, air-gapped installs) and the hosts they need to reach: WebLLM
 * records (weights base URL, .wasm library, GPU memory) and GGUF records for the CPU engine (`format: 'gguf'`: a .gguf
 * URL, or the first part of a split one, and the RAM it needs).
 */
import type { AnyModelRecord, GgufModelRecord, WebLlmModelRecord } from './types';
import { isGgufRecord } from './records';
import { MAX_URL_LENGTH, isValidHostName } from './sources';

export type CustomRecordField =
  | 'record'
  | 'model_id'
  | 'model'
  | 'model_lib'
  | 'vram_required_MB'
  | 'ram_required_MB'
  | 'context_window_size'
  | 'required_features';

/** Problems whose message needs no facts beyond the field. */
export type PlainCustomRecordIssueCode =
  | 'not-an-object'
  | 'missing'
  | 'not-a-string'
  | 'bad-charset'
  | 'duplicate'
  | 'not-a-url'
  | 'remote-http'
  | 'extra-url-parts'
  | 'not-wasm'
  | 'not-gguf'
  | 'not-a-number'
  | 'not-an-integer'
  | 'not-an-array';

/** What is wrong with a field, with the facts its message needs; Options words it. */
export type CustomRecordProblem =
  | { code: PlainCustomRecordIssueCode }
  | { code: 'too-long'; maxLength: number }
  /** The list already holds the most records Options keeps. */
  | { code: 'too-many'; max: number }
  /** `scheme` as the URL parser gives it, e.g. 'javascript:'. */
  | { code: 'bad-scheme'; scheme: string }
  /** `minExclusive`: the value must be more than `min`, not equal to it. */
  | { code: 'out-of-range'; min: number; max: number; minExclusive: boolean }
  | { code: 'unknown-feature'; known: readonly string[] }
  | { code: 'origin-not-in-csp'; origin: string };

export type CustomRecordIssue = { field: CustomRecordField } & CustomRecordProblem;

export type CustomRecordIssueCode = CustomRecordIssue['code'];

export type CustomRecordResult =
  { ok: true; record: AnyModelRecord; warnings: CustomRecordIssue[] } | { ok: false; errors: CustomRecordIssue[] };

export interface CustomRecordContext {
  /** Ids already in use (prebuilt and other custom records); compared case-insensitively. */
  existingIds: readonly string[];
  /** The built CSP's connect-src; when given, hosts it does not allow come back as warnings. */
  cspConnectSources?: readonly string[];
}

export const MODEL_ID_MAX_LENGTH = 128;
export const VRAM_RANGE_MB = { min: 0, max: 80000 } as const;
export const RAM_RANGE_MB = { min: 0, max: 262144 } as const;
export const CONTEXT_WINDOW_RANGE = { min: 512, max: 131072 } as const;
export const KNOWN_REQUIRED_FEATURES: readonly string[] = ['shader-f16'];

const MODEL_ID_PATTERN = /^[A-Za-z0-9._-]+$/;
const NUMERIC_STRING = /^\s*-?\d+(\.\d+)?\s*$/;

/**
 * Validates untrusted input; only the known fields are copied into the record, anything else is dropped. Input with
 * `format: 'gguf'` is a GGUF record; anything else a WebLLM record.
 */
export function validateCustomRecord(input: unknown, context: CustomRecordContext): CustomRecordResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      ok: false,
      errors: [issue('record', { code: 'not-an-object' })],
    };
  }
  const fields = input as Record<string, unknown>;
  const errors: CustomRecordIssue[] = [];
  const collect = <T>(result: FieldResult<T>): T | undefined => {
    if ('error' in result) {
      errors.push(result.error);
      return undefined;
    }
    return result.value;
  };
  const modelId = collect(checkModelId(fields.model_id, context.existingIds));
  const model = collect(checkUrl('model', fields.model));
  const memory = fields.format === 'gguf' ? ggufFields(fields, model, collect) : webLlmFields(fields, collect);
  errors.push(...memory.errors);
  const contextWindow = collect(checkNumber('context_window_size', fields.context_window_size, true));
  if (
    contextWindow !== undefined &&
    (contextWindow < CONTEXT_WINDOW_RANGE.min || contextWindow > CONTEXT_WINDOW_RANGE.max)
  ) {
    errors.push(issue('context_window_size', { code: 'out-of-range', ...CONTEXT_WINDOW_RANGE, minExclusive: false }));
  }
  if (errors.length > 0 || !modelId || !model || contextWindow === undefined || !memory.complete) {
    return { ok: false, errors };
  }
  const record = memory.build(modelId, model, contextWindow);
  return { ok: true, record, warnings: cspWarnings(record, context.cspConnectSources) };
}

type Collect = <T>(result: FieldResult<T>) => T | undefined;

interface KindFields {
  errors: CustomRecordIssue[];
  complete: boolean;
  build(modelId: string, model: string, contextWindow: number): AnyModelRecord;
}

function webLlmFields(fields: Record<string, unknown>, collect: Collect): KindFields {
  const errors: CustomRecordIssue[] = [];
  const modelLib = collect(checkUrl('model_lib', fields.model_lib));
  if (modelLib !== undefined && !new URL(modelLib).pathname.endsWith('.wasm')) {
    errors.push(issue('model_lib', { code: 'not-wasm' }));
  }
  const vram = collect(checkNumber('vram_required_MB', fields.vram_required_MB, false));
  if (vram !== undefined && (vram <= VRAM_RANGE_MB.min || vram > VRAM_RANGE_MB.max)) {
    errors.push(issue('vram_required_MB', { code: 'out-of-range', ...VRAM_RANGE_MB, minExclusive: true }));
  }
  const features = collect(checkFeatures(fields.required_features));
  return {
    errors,
    complete: modelLib !== undefined && vram !== undefined,
    build: (modelId, model, contextWindow): WebLlmModelRecord => ({
      model_id: modelId,
      model,
      model_lib: modelLib!,
      vram_required_MB: vram!,
      overrides: { context_window_size: contextWindow },
      ...(features && features.length > 0 ? { required_features: features } : {}),
    }),
  };
}

function ggufFields(fields: Record<string, unknown>, model: string | undefined, collect: Collect): KindFields {
  const errors: CustomRecordIssue[] = [];
  if (model !== undefined && !isGgufPath(new URL(model).pathname)) errors.push(issue('model', { code: 'not-gguf' }));
  const ram = collect(checkNumber('ram_required_MB', fields.ram_required_MB, false));
  if (ram !== undefined && (ram <= RAM_RANGE_MB.min || ram > RAM_RANGE_MB.max)) {
    errors.push(issue('ram_required_MB', { code: 'out-of-range', ...RAM_RANGE_MB, minExclusive: true }));
  }
  return {
    errors,
    complete: ram !== undefined,
    build: (modelId, url, contextWindow): GgufModelRecord => ({
      format: 'gguf',
      model_id: modelId,
      model: url,
      ram_required_MB: ram!,
      overrides: { context_window_size: contextWindow },
    }),
  };
}

/** A .gguf file, or the first part of a split one (`-00001-of-00003.gguf`): the other parts sit beside it. */
function isGgufPath(pathname: string): boolean {
  const part = /-(\d{5})-of-(\d{5})\.gguf$/.exec(pathname);
  return part ? part[1] === '00001' : pathname.endsWith('.gguf');
}

/** The origins (scheme://host[:port]) a set of records downloads from, sorted and without duplicates. */
export function allowedOriginsForRecords(records: readonly AnyModelRecord[]): string[] {
  const origins = new Set<string>();
  for (const record of records) {
    for (const url of recordUrls(record)) {
      const parsed = safeUrl(url);
      if (parsed) origins.add(parsed.origin);
    }
  }
  return [...origins].sort();
}

/**
 * CSP source-expression matching (CSP3 "does url match expression") for connect-src lists: scheme sources (`https:`),
 * `*`, host sources with `*.` subdomain wildcards, `:*` or explicit ports, and paths. Keywords such as 'self' never
 * match a model host. A source without a scheme is matched as if the page were https (extension pages are).
 */
export function isOriginAllowedByCsp(url: string, cspConnectSources: readonly string[]): boolean {
  const target = safeUrl(url);
  if (!target) return false;
  return cspConnectSources.some((source) => sourceMatches(source.trim(), target));
}

type FieldResult<T> = { value: T } | { error: CustomRecordIssue };

function issue(field: CustomRecordField, problem: CustomRecordProblem): CustomRecordIssue {
  return { field, ...problem };
}

function checkModelId(value: unknown, existingIds: readonly string[]): FieldResult<string> {
  if (value === undefined || value === null || value === '') return { error: issue('model_id', { code: 'missing' }) };
  if (typeof value !== 'string') return { error: issue('model_id', { code: 'not-a-string' }) };
  if (value.length > MODEL_ID_MAX_LENGTH) {
    return { error: issue('model_id', { code: 'too-long', maxLength: MODEL_ID_MAX_LENGTH }) };
  }
  if (!MODEL_ID_PATTERN.test(value)) return { error: issue('model_id', { code: 'bad-charset' }) };
  if (existingIds.some((id) => id.toLowerCase() === value.toLowerCase())) {
    return { error: issue('model_id', { code: 'duplicate' }) };
  }
  return { value };
}

function recordUrls(record: AnyModelRecord): string[] {
  return isGgufRecord(record) ? [record.model] : [record.model, record.model_lib];
}

function checkUrl(field: 'model' | 'model_lib', value: unknown): FieldResult<string> {
  if (value === undefined || value === null || value === '') return { error: issue(field, { code: 'missing' }) };
  if (typeof value !== 'string') return { error: issue(field, { code: 'not-a-string' }) };
  if (value.trim().length > MAX_URL_LENGTH)
    return { error: issue(field, { code: 'too-long', maxLength: MAX_URL_LENGTH }) };
  const url = safeUrl(value.trim());
  if (!url) return { error: issue(field, { code: 'not-a-url' }) };
  if (url.protocol === 'http:' && !isLocalHost(url.hostname)) return { error: issue(field, { code: 'remote-http' }) };
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { error: issue(field, { code: 'bad-scheme', scheme: url.protocol }) };
  }
  if (url.username || url.password || url.search || url.hash) {
    return { error: issue(field, { code: 'extra-url-parts' }) };
  }
  if (!isValidHostName(url.hostname)) return { error: issue(field, { code: 'not-a-url' }) };
  return { value: url.href };
}

function checkNumber(
  field: 'vram_required_MB' | 'ram_required_MB' | 'context_window_size',
  value: unknown,
  integer: boolean,
): FieldResult<number> {
  if (value === undefined || value === null || value === '') return { error: issue(field, { code: 'missing' }) };
  const number =
    typeof value === 'number' ? value : typeof value === 'string' && NUMERIC_STRING.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(number)) return { error: issue(field, { code: 'not-a-number' }) };
  if (integer && !Number.isInteger(number)) return { error: issue(field, { code: 'not-an-integer' }) };
  return { value: number };
}

function checkFeatures(value: unknown): FieldResult<string[] | undefined> {
  if (value === undefined || value === null) return { value: undefined };
  if (!Array.isArray(value)) return { error: issue('required_features', { code: 'not-an-array' }) };
  const unknown = value.filter((feature) => typeof feature !== 'string' || !KNOWN_REQUIRED_FEATURES.includes(feature));
  if (unknown.length > 0) {
    return { error: issue('required_features', { code: 'unknown-feature', known: KNOWN_REQUIRED_FEATURES }) };
  }
  return { value: [...new Set(value as string[])] };
}

function cspWarnings(record: AnyModelRecord, sources: readonly string[] | undefined): CustomRecordIssue[] {
  if (!sources) return [];
  const fields: ReadonlyArray<readonly ['model' | 'model_lib', string]> = isGgufRecord(record)
    ? [['model', record.model]]
    : [
        ['model', record.model],
        ['model_lib', record.model_lib],
      ];
  return fields
    .filter(([, url]) => !isOriginAllowedByCsp(url, sources))
    .map(([field, url]) => issue(field, { code: 'origin-not-in-csp', origin: new URL(url).origin }));
}

function isLocalHost(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === 'localhost';
}

function safeUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    // Not a URL: the caller reports the field as invalid.
    return undefined;
  }
}

const DEFAULT_PORTS: Readonly<Record<string, string>> = { 'http:': '80', 'https:': '443', 'ws:': '80', 'wss:': '443' };
const NETWORK_SCHEMES = ['http', 'https', 'ws', 'wss'];
const SOURCE_EXPRESSION =
  /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*|(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*)(?::(\*|\d+))?(\/[^?#]*)?$/i;

function sourceMatches(source: string, url: URL): boolean {
  const scheme = url.protocol.slice(0, -1).toLowerCase();
  if (source === '*') return NETWORK_SCHEMES.includes(scheme);
  const schemeOnly = /^([a-z][a-z0-9+.-]*):$/i.exec(source);
  if (schemeOnly) return schemePartMatches(schemeOnly[1]!.toLowerCase(), scheme);
  const parts = SOURCE_EXPRESSION.exec(source);
  if (!parts) return false;
  const [, sourceScheme, sourceHost, sourcePort, sourcePath] = parts;
  if (!schemePartMatches(sourceScheme?.toLowerCase() ?? 'https', scheme)) return false;
  if (!hostPartMatches(sourceHost!.toLowerCase(), url.hostname.toLowerCase())) return false;
  if (!portPartMatches(sourcePort, url)) return false;
  return pathPartMatches(sourcePath, url.pathname);
}

/** CSP3: a source scheme matches itself and its secure upgrade (http → https, ws → wss/http/https, wss → https). */
function schemePartMatches(sourceScheme: string, urlScheme: string): boolean {
  if (sourceScheme === urlScheme) return true;
  if (sourceScheme === 'http') return urlScheme === 'https';
  if (sourceScheme === 'ws') return ['wss', 'http', 'https'].includes(urlScheme);
  if (sourceScheme === 'wss') return urlScheme === 'https';
  return false;
}

function hostPartMatches(pattern: string, host: string): boolean {
  if (pattern === '*') return true;
  // `*.example.com` matches any subdomain of example.com but not example.com itself.
  if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1));
  return pattern === host;
}

function portPartMatches(sourcePort: string | undefined, url: URL): boolean {
  if (sourcePort === '*') return true;
  // No port in the source: the URL must use its scheme's default port, which URL parsing leaves empty.
  if (sourcePort === undefined) return url.port === '';
  return sourcePort === (url.port || DEFAULT_PORTS[url.protocol]);
}

function pathPartMatches(sourcePath: string | undefined, urlPath: string): boolean {
  if (!sourcePath || sourcePath === '/') return true;
  return sourcePath.endsWith('/') ? urlPath.startsWith(sourcePath) : urlPath === sourcePath;
}
