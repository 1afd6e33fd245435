/**
 * The diagnostics buffer, kept by the background (its only writer) in session storage: it survives a service-worker
 * restart, not a browser restart. Other contexts send their events with the diagnostics/record request.
 */
import { storage } from 'wxt/utils/storage';
import { isOneOf } from '../core/one-of';
import {
  DIAGNOSTICS_CAPACITY,
  appendDiagnostic,
  diagnosticEvent,
  storedDiagnostics,
  type DiagnosticEvent,
  type PageDiagnostic,
  type RecordDiagnostic,
} from '../core/diagnostics';
import type { RequestMap } from '../protocol/messages';
import { settingsRepairs } from '../settings/checked-item';

export interface DiagnosticsStore {
  getValue(): Promise<unknown>;
  setValue(events: DiagnosticEvent[]): Promise<void>;
}

export class DiagnosticsLog {
  /** One write at a time, so events recorded together all land. */
  private writes: Promise<boolean> = Promise.resolve(true);

  constructor(
    private readonly store: DiagnosticsStore,
    private readonly now: () => number = Date.now,
    private readonly capacity = DIAGNOSTICS_CAPACITY,
  ) {}

  /** Checks a report field by field and keeps it; false when it is not a valid report or storage refused it. */
  record(report: unknown): Promise<boolean> {
    const event = diagnosticEvent(report, this.now());
    if (!event) return Promise.resolve(false);
    return this.update((events) => appendDiagnostic(events, event, this.capacity));
  }

  async list(): Promise<DiagnosticEvent[]> {
    await this.writes;
    return storedDiagnostics(await this.store.getValue());
  }

  clear(): Promise<boolean> {
    return this.update(() => []);
  }

  private update(change: (events: DiagnosticEvent[]) => DiagnosticEvent[]): Promise<boolean> {
    this.writes = this.writes.then(() =>
      this.store
        .getValue()
        .then((stored) => this.store.setValue(change(storedDiagnostics(stored))))
        .then(
          () => true,
          // Storage that refuses the log leaves nowhere to record that; the caller learns it from the false.
          () => false,
        ),
    );
    return this.writes;
  }
}

export const diagnosticsLog = new DiagnosticsLog(
  storage.defineItem<DiagnosticEvent[]>('session:diagnostics', { fallback: [] }),
);

/** Records a failure noticed in the background itself. */
export const recordDiagnostic: RecordDiagnostic = (code, details) =>
  void diagnosticsLog.record({ context: 'background', code, details });

/** Records each stored setting found invalid and reset, once: the checked items list them in settingsRepairs. */
export function recordSettingsRepairs(): () => void {
  return settingsRepairs.watch((names, previous) => {
    const before = new Set(Array.isArray(previous) ? previous : []);
    for (const item of Array.isArray(names) ? names : []) {
      if (!before.has(item)) recordDiagnostic('stored-value-invalid', { item });
    }
  });
}

/** Records what a page script noticed: page code has no extension APIs, so it returns it in its result. */
export function recordPageDiagnostic(diagnostic: PageDiagnostic | undefined): void {
  if (diagnostic) void diagnosticsLog.record({ context: 'page', code: diagnostic.code, details: diagnostic.details });
}

/** The contexts that send their events over the diagnostics/record request. */
const REPORTING_CONTEXTS = ['offscreen', 'panel', 'options'] as const;

type DiagnosticsRequest = 'diagnostics/record' | 'diagnostics/list' | 'diagnostics/clear';
export type DiagnosticsRequestHandlers = {
  [K in DiagnosticsRequest]: (payload: RequestMap[K]['request']) => Promise<RequestMap[K]['response']>;
};

/** The background's answers to the diagnostics requests. */
export function diagnosticsRequests(log: DiagnosticsLog = diagnosticsLog): DiagnosticsRequestHandlers {
  return {
    'diagnostics/record': async (report) => ({
      recorded: isOneOf(REPORTING_CONTEXTS, report?.context) && (await log.record(report)),
    }),
    'diagnostics/list': async () => ({ events: await log.list() }),
    'diagnostics/clear': async () => ({ cleared: await log.clear() }),
  };
}
