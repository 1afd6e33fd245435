/** Checks user-added model records (Options, tests, air-gapped installs) and the hosts they need to reach. */
import type { ModelRecord } from '@mlc-ai/web-llm';

export type CustomRecordField =
  'record' | 'model_id' | 'model' | 'model_lib' | 'vram_required_MB' | 'context_window_size' | 'required_features';

export type CustomRecordIssueCode =
  | 'not-an-object'
  | 'missing'
  | 'not-a-string'
  | 'bad-charset'
  | 'too-long'
  | 'duplicate'
  | 'not-a-url'
  | 'bad-scheme'
  | 'remote-http'
  | 'extra-url-parts'
  | 'not-wasm'
  | 'not-a-number'
  | 'not-an-integer'
  | 'out-of-range'
  | 'not-an-array'
  | 'unknown-feature'
  | 'origin-not-in-csp';

export interface CustomRecordIssue {
  field: CustomRecordField;
  code: CustomRecordIssueCode;
  message: string;
}

export type CustomRecordResult =
  { ok: true; record: ModelRecord; warnings: CustomRecordIssue[] } | { ok: false; errors: CustomRecordIssue[] };

export interface CustomRecordContext {
  /** Ids already in use (prebuilt and other custom records); compared case-insensitively. */
  existingIds: readonly string[];
  /** The built CSP's connect-src; when given, hosts it does not allow come back as warnings. */
  cspConnectSources?: readonly string[];
}

export const MODEL_ID_MAX_LENGTH = 128;
export const VRAM_RANGE_MB = { min: 0, max: 80000 } as const;
export const CONTEXT_WINDOW_RANGE = { min: 512, max: 131072 } as const;
export const KNOWN_REQUIRED_FEATURES: readonly string[] = ['shader-f16'];

const MODEL_ID_PATTERN = /^[A-Za-z0-9._-]+$/;
const NUMERIC_STRING = /^\s*-?\d+(\.\d+)?\s*$/;

/** Validates untrusted input; only the known fields are copied into the record, anything else is dropped. */
export function validateCustomRecord(input: unknown, context: CustomRecordContext): CustomRecordResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      ok: false,
      errors: [issue('record', 'not-an-object', 'A model record must be an object with named fields.')],
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
  const modelLib = collect(checkUrl('model_lib', fields.model_lib));
  if (modelLib !== undefined && !new URL(modelLib).pathname.endsWith('.wasm')) {
    errors.push(issue('model_lib', 'not-wasm', 'The model library must be a .wasm file URL.'));
  }
  const vram = collect(checkNumber('vram_required_MB', fields.vram_required_MB, false));
  if (vram !== undefined && (vram <= VRAM_RANGE_MB.min || vram > VRAM_RANGE_MB.max)) {
    errors.push(
      issue('vram_required_MB', 'out-of-range', `GPU memory must be more than 0 and at most ${VRAM_RANGE_MB.max} MB.`),
    );
  }
  const contextWindow = collect(checkNumber('context_window_size', fields.context_window_size, true));
  if (
    contextWindow !== undefined &&
    (contextWindow < CONTEXT_WINDOW_RANGE.min || contextWindow > CONTEXT_WINDOW_RANGE.max)
  ) {
    errors.push(
      issue(
        'context_window_size',
        'out-of-range',
        `Context window must be ${CONTEXT_WINDOW_RANGE.min}–${CONTEXT_WINDOW_RANGE.max} tokens.`,
      ),
    );
  }
  const features = collect(checkFeatures(fields.required_features));
  if (errors.length > 0 || !modelId || !model || !modelLib || vram === undefined || contextWindow === undefined) {
    return { ok: false, errors };
  }
  const record: ModelRecord = {
    model_id: modelId,
    model,
    model_lib: modelLib,
    vram_required_MB: vram,
    overrides: { context_window_size: contextWindow },
    ...(features && features.length > 0 ? { required_features: features } : {}),
  };
  return { ok: true, record, warnings: cspWarnings(record, context.cspConnectSources) };
}

/** The origins (scheme://host[:port]) a set of records downloads from, sorted and without duplicates. */
export function allowedOriginsForRecords(records: readonly ModelRecord[]): string[] {
  const origins = new Set<string>();
  for (const record of records) {
    for (const url of [record.model, record.model_lib]) {
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

function issue(field: CustomRecordField, code: CustomRecordIssueCode, message: string): CustomRecordIssue {
  return { field, code, message };
}

function checkModelId(value: unknown, existingIds: readonly string[]): FieldResult<string> {
  if (value === undefined || value === null || value === '')
    return { error: issue('model_id', 'missing', 'Give the model an id.') };
  if (typeof value !== 'string') return { error: issue('model_id', 'not-a-string', 'The model id must be text.') };
  if (value.length > MODEL_ID_MAX_LENGTH) {
    return { error: issue('model_id', 'too-long', `The model id must be at most ${MODEL_ID_MAX_LENGTH} characters.`) };
  }
  if (!MODEL_ID_PATTERN.test(value)) {
    return { error: issue('model_id', 'bad-charset', 'The model id may use only letters, digits, ".", "_" and "-".') };
  }
  if (existingIds.some((id) => id.toLowerCase() === value.toLowerCase())) {
    return { error: issue('model_id', 'duplicate', `A model with the id "${value}" already exists.`) };
  }
  return { value };
}

function checkUrl(field: 'model' | 'model_lib', value: unknown): FieldResult<string> {
  const label = field === 'model' ? 'The weights URL' : 'The model library URL';
  if (value === undefined || value === null || value === '')
    return { error: issue(field, 'missing', `${label} is required.`) };
  if (typeof value !== 'string') return { error: issue(field, 'not-a-string', `${label} must be text.`) };
  const url = safeUrl(value.trim());
  if (!url) return { error: issue(field, 'not-a-url', `${label} is not a valid URL.`) };
  if (url.protocol === 'http:' && !isLocalHost(url.hostname)) {
    return {
      error: issue(
        field,
        'remote-http',
        `${label} must use https; plain http is allowed only for 127.0.0.1 and localhost.`,
      ),
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { error: issue(field, 'bad-scheme', `${label} must start with https:// (not ${url.protocol}).`) };
  }
  if (url.username || url.password || url.search || url.hash) {
    return { error: issue(field, 'extra-url-parts', `${label} must not contain credentials, a query or a fragment.`) };
  }
  return { value: url.href };
}

function checkNumber(
  field: 'vram_required_MB' | 'context_window_size',
  value: unknown,
  integer: boolean,
): FieldResult<number> {
  if (value === undefined || value === null || value === '')
    return { error: issue(field, 'missing', `${fieldLabel(field)} is required.`) };
  const number =
    typeof value === 'number' ? value : typeof value === 'string' && NUMERIC_STRING.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(number))
    return { error: issue(field, 'not-a-number', `${fieldLabel(field)} must be a number.`) };
  if (integer && !Number.isInteger(number)) {
    return { error: issue(field, 'not-an-integer', `${fieldLabel(field)} must be a whole number.`) };
  }
  return { value: number };
}

function fieldLabel(field: 'vram_required_MB' | 'context_window_size'): string {
  return field === 'vram_required_MB' ? 'GPU memory (MB)' : 'Context window (tokens)';
}

function checkFeatures(value: unknown): FieldResult<string[] | undefined> {
  if (value === undefined || value === null) return { value: undefined };
  if (!Array.isArray(value))
    return { error: issue('required_features', 'not-an-array', 'Required features must be a list.') };
  const unknown = value.filter((feature) => typeof feature !== 'string' || !KNOWN_REQUIRED_FEATURES.includes(feature));
  if (unknown.length > 0) {
    const known = KNOWN_REQUIRED_FEATURES.join(', ');
    return {
      error: issue(
        'required_features',
        'unknown-feature',
        `Unknown required feature(s): ${unknown.map(String).join(', ')}. Known: ${known}.`,
      ),
    };
  }
  return { value: [...new Set(value as string[])] };
}

function cspWarnings(record: ModelRecord, sources: readonly string[] | undefined): CustomRecordIssue[] {
  if (!sources) return [];
  const fields = [
    ['model', record.model],
    ['model_lib', record.model_lib],
  ] as const;
  return fields
    .filter(([, url]) => !isOriginAllowedByCsp(url, sources))
    .map(([field, url]) =>
      issue(
        field,
        'origin-not-in-csp',
        `This build cannot reach ${new URL(url).origin}: rebuild with it in TACIT_MODEL_SOURCES, or use a local mirror.`,
      ),
    );
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
