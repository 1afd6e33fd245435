/** What the side panel's controllers need from the browser, passed in so that they run in unit tests without one. */
import type { TypedPort } from '../protocol/ports';
import type {
  BackgroundToPanel,
  PanelHello,
  PanelIntentMessage,
  PanelPlacement,
  PanelToBackground,
  SummaryRequestOptions,
} from '../protocol/messages';
import type { sendRequest } from '../protocol/requests';
import type { RecordDiagnostic } from '../core/diagnostics';
import type { TaskModelChoice } from '../settings/settings';
import type { TaskKind } from '../models/types';
import type { DraftOptions } from '../tasks/draft/types';
import type { RewriteStyle } from '../tasks/rewrite/types';

/** One task's messages to and from the background's task service. */
export type TaskPort = TypedPort<PanelToBackground, BackgroundToPanel>;
/** The port on which the background hands this panel what the user asked for elsewhere (menus, toolbar, keys). */
export type HubPort = TypedPort<PanelHello, PanelIntentMessage>;
/** A typed one-shot request to the background, as `sendRequest` sends it. */
export type SendRequest = typeof sendRequest;

/** One stored setting as the panel reads and writes it (a storage item in the extension). */
export interface StoredValue<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
}

/** The settings the panel remembers between uses: choices only, never page, mail or the user's drafts. */
export interface PanelSettings {
  summaryOptions: StoredValue<SummaryRequestOptions | null>;
  draftOptions: StoredValue<DraftOptions | null>;
  lastRewriteStyle: StoredValue<RewriteStyle>;
  lastCustomInstruction: StoredValue<string>;
  taskModels: StoredValue<Partial<Record<TaskKind, TaskModelChoice>>>;
}

export interface PanelDeps {
  /** Opens a new port to the task service; each task stream keeps its own. */
  openTaskPort(): TaskPort;
  openHubPort(): HubPort;
  sendRequest: SendRequest;
  /** Which window this panel is in, and whether it is docked in the side panel or open in a tab. */
  placement(): Promise<PanelPlacement>;
  /** Asks the user (a browser prompt) to let Tacit read this origin; resolves true once granted. */
  requestSiteAccess(origin: string): Promise<boolean>;
  settings: PanelSettings;
  /** Keeps a failure the user does not see (codes and names only) for Options › Troubleshooting. */
  recordDiagnostic: RecordDiagnostic;
}
