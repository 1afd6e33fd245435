/** The one message protocol between the side panel, background, offscreen engine host and content scripts. */
import type { LedgerEntry } from '../core/network-ledger';
import type { AnyModelRecord, EngineUse, GpuCapabilities, GpuProbe, TaskKind } from '../models/types';
import type { ChatMessage, EngineKind, LoadProgress } from '../offscreen/engines/types';
import type { TacitError } from '../core/errors';
import type { SummaryLength, SummaryType } from '../tasks/summarize/types';
import type { OutputLanguageChoice } from '../tasks/common/types';
import type { ProofreadChange, RewriteStyle } from '../tasks/rewrite/types';
import type { DraftOptions } from '../tasks/draft/types';
import type { WebmailClient } from '../core/webmail-hosts';
import type { DiagnosticEvent, DiagnosticReport } from '../core/diagnostics';
import type { ConversationIdentity } from '../page/webmail/types';

/** Port names: one long-lived port per streamed task; one per open panel for intents. */
export const PORT_TASK = 'tacit/task';
export const PORT_ENGINE = 'tacit/engine';
export const PORT_PANEL = 'tacit/panel';
export const PORT_DOWNLOADS = 'tacit/downloads';

// ---- Side panel ⇄ background, over a PORT_TASK port --------------------------------------------

/** Where the panel is: docked beside a window's tabs, or detached in a window of its own. */
export interface PanelPlacement {
  windowId: number;
  docked: boolean;
}

export interface SummaryRequestOptions {
  type: SummaryType;
  length: SummaryLength;
  language: OutputLanguageChoice;
}

/** The page a summary is for: a tab the user invoked Tacit on, or "the page beside this panel". */
export type PageTarget = { tabId: number } | { panel: PanelPlacement };

/** What a user asked for. */
export type TaskRequest =
  | { kind: 'ask'; prompt: string }
  | { kind: 'summarize-page'; target: PageTarget; options: SummaryRequestOptions }
  | { kind: 'summarize-selection'; tabId: number; frameId: number; options: SummaryRequestOptions }
  | { kind: 'follow-up'; conversationId: string; question: string }
  | {
      kind: 'rewrite';
      tabId: number;
      frameId: number;
      style: RewriteStyle;
      customInstruction?: string;
      inParts?: boolean;
    }
  /**
   * A reply to the mail conversation open in that tab, saying what the user wants to say (their words, may be empty).
   * `from: 'selection'` reads the user's selection (or selects the open message) instead of the conversation view.
   */
  | { kind: 'draft-reply'; target: PageTarget; intent: string; options: DraftOptions; from?: 'selection' }
  /** Reworks a finished draft (the text as the user left it) in one style; the draft stays tied to its conversation. */
  | {
      kind: 'refine-draft';
      text: string;
      style: DraftRefinement;
      conversation: Pick<TaskSource, 'title' | 'url'> & { mail: MailSource };
    };

/** The rewrite styles offered on a finished draft. */
export type DraftRefinement = Extract<RewriteStyle, 'shorter' | 'longer' | 'formal' | 'friendly' | 'proofread'>;

export type TaskPhase =
  | { phase: 'queued'; position: number }
  | { phase: 'reading-page' }
  | { phase: 'reading-mail' }
  /** `use`: where the model runs (absent in test builds' scripted runs and older panels' views). */
  | { phase: 'loading-model'; modelId: string; progress: LoadProgress; use?: EngineUse }
  /** secondsLeft: the time the remaining parts take at the pace measured on this run's parts so far. */
  | { phase: 'summarizing-part'; part: number; total: number; secondsLeft?: number }
  | { phase: 'combining' }
  | { phase: 'rewriting-part'; part: number; total: number }
  | { phase: 'generating'; modelId: string; use?: EngineUse };

/** What a summary was made from, shown above it; the conversation id lets follow-up questions continue it. */
export interface TaskSource {
  kind: 'page' | 'selection' | 'rewrite' | 'mail';
  title: string;
  url: string;
  conversationId: string;
  /** For rewrites: the selected text and where it is, so Replace can put the result back there. */
  selection?: SelectionSource;
  /** For reply drafts: the conversation replied to, and the tab whose reply box Insert writes into. */
  mail?: MailSource;
  /** For pages: an endless feed that loads more as it is scrolled; the summary covers what had loaded. */
  loadsMore?: true;
  /** A long page summarized only in part, as the user chose: the first `parts` of `total`. */
  coverage?: { parts: number; total: number };
}

export interface MailSource {
  tabId: number;
  /** Which conversation was read (the client's own ids), so Insert can refuse if another one is open by then. */
  conversation: ConversationIdentity;
  client: WebmailClient;
  /** Who wrote the message being replied to (display name, never the text). */
  replyingTo: string;
  messageCount: number;
  omittedMessages: number;
  /** Messages shown collapsed or hidden without their text, which were not read. */
  unreadMessages: number;
  /** The message was read from the user's selection. */
  fromSelection: boolean;
}

export interface SelectionSource {
  original: string;
  editable: boolean;
  anchorId: string;
  tabId: number;
  frameId: number;
  style: RewriteStyle;
}

/** The finished, cleaned-up result of a task, replacing the raw streamed text (e.g. preambles removed). */
export interface TaskResult {
  text: string;
  changes?: ProofreadChange[];
}

/**
 * A choice a running task needs from the user before it goes on. A summary of more than LARGE_SUMMARY_PARTS parts
 * says its size and, once the first part has run, the time the whole and the first `firstParts` parts take here.
 */
export type TaskQuestion = {
  kind: 'large-summary';
  parts: number;
  words: number;
  firstParts: number;
  /** Measured on this machine (the first part's generation time); absent when that part was not timed. */
  secondsAll?: number;
  secondsFirst?: number;
};

/** The user's answer: summarize every part, or only the first `parts`. */
export type TaskAnswer = { kind: 'large-summary'; parts: 'all' | number };

export type PanelToBackground =
  | { type: 'task/start'; requestId: string; task: TaskRequest }
  | { type: 'task/cancel'; requestId: string }
  | { type: 'task/answer'; requestId: string; answer: TaskAnswer };

export type BackgroundToPanel =
  | { type: 'task/phase'; requestId: string; phase: TaskPhase }
  | { type: 'task/source'; requestId: string; source: TaskSource }
  | { type: 'task/result'; requestId: string; result: TaskResult }
  /** The only addresses the task's output may link to: those in what it read and in the user's words. */
  | { type: 'task/links'; requestId: string; links: string[] }
  | { type: 'task/delta'; requestId: string; text: string }
  | { type: 'task/question'; requestId: string; question: TaskQuestion }
  | { type: 'task/done'; requestId: string; stopped: boolean }
  | { type: 'task/error'; requestId: string; error: TacitError };

// ---- Side panel ⇄ background, over a PORT_PANEL port (one per open panel) -------------------------

/** Something the user asked for outside the panel (toolbar, shortcut, context menu) that the panel should run. */
export type PanelIntent =
  | { kind: 'summarize-page'; tabId: number }
  | { kind: 'summarize-selection'; tabId: number; frameId: number }
  | { kind: 'rewrite'; tabId: number; frameId: number; style: RewriteStyle }
  /** The toolbar was clicked on a webmail tab: show the Reply view for it. */
  | { kind: 'open-reply'; tabId: number }
  | { kind: 'show-error'; error: TacitError };

export type PanelHello = { type: 'panel/hello'; placement: PanelPlacement };
export type PanelIntentMessage = { type: 'panel/intent'; intent: PanelIntent };
/** The engine changed without any task of this panel (it unloaded at idle): the panel asks 'panel/status' again. */
export type PanelEngineMessage = { type: 'panel/engine'; change: 'idle-unload' };
export type HubToPanel = PanelIntentMessage | PanelEngineMessage;

// ---- Background ⇄ offscreen engine host, over a PORT_ENGINE port --------------------------------

/** How long the engine host stays loaded without work before it frees GPU memory, unless the user chose otherwise. */
export const DEFAULT_ENGINE_IDLE_MS = 10 * 60 * 1000;

export interface EngineHostSettings {
  /** The engine host unloads and asks to be closed after this long without work. */
  idleTimeoutMs: number;
  /** GPU memory the loaded models may use together (lib/models/gpu-budget); unlimited when absent. */
  gpuBudgetMB?: number;
  /** RAM the loaded CPU (GGUF) models may use together (lib/models/ram-budget); unlimited when absent. */
  ramBudgetMB?: number;
  /** Test builds only: how the scripted engine replies. Production builds never set it. */
  scripted?: ScriptedEngineSettings;
}

export interface ScriptedEngineSettings {
  /** Wait before each token; 0 means the next task (no timer clamping), the way a worker's messages arrive. */
  tokenDelayMs?: number;
  /** Emits on a fixed schedule instead (benchmarks), catching up after a stall as a worker's queued messages would. */
  tokensPerSecond?: number;
  tokenCount?: number;
  /** Fixed reply; by default the reply is derived from the last user message. */
  reply?: string;
  /** Fixed reply as exact deltas (benchmarks), used before `reply`. */
  tokens?: string[];
  /** Records when each token was emitted (benchmarks read them for emit→paint latency). */
  recordEmitTimes?: boolean;
  /** Makes load fail with this error message, to exercise error paths. */
  failLoadWith?: string;
  /** Makes generation fail with this error message once `failAfterTokens` tokens (default 0) are out, e.g. a lost GPU. */
  failGenerateWith?: string;
  failAfterTokens?: number;
}

export interface GenerateRequest {
  requestId: string;
  /** Who asked (one panel, one tab): the queue takes turns between clients. */
  clientId?: string;
  /** Only load the model, from the local cache and without evicting another, so a likely next task starts fast. */
  preloadOnly?: boolean;
  record: AnyModelRecord;
  messages: ChatMessage[];
  temperature?: number;
  maxTokens?: number;
}

export type BackgroundToEngineHost =
  | { type: 'engine/generate'; settings: EngineHostSettings; request: GenerateRequest }
  | { type: 'engine/cancel'; requestId: string };

export type EngineHostToBackground =
  | { type: 'engine/queued'; requestId: string; position: number }
  | { type: 'engine/loading'; requestId: string; modelId: string; progress: LoadProgress }
  | { type: 'engine/generating'; requestId: string; modelId: string }
  | { type: 'engine/delta'; requestId: string; text: string }
  | { type: 'engine/done'; requestId: string; stopped: boolean }
  | { type: 'engine/error'; requestId: string; error: TacitError };

// ---- Options or panel ⇄ offscreen engine host, over a PORT_DOWNLOADS port -------------------------

export interface ModelDownloadProgress {
  loadedBytes: number;
  totalBytes: number;
  fraction: number;
  etaSeconds?: number;
}

export interface ModelDiskStatus {
  bytesOnDisk: number;
  complete: boolean;
  filesCached: number;
  filesTotal: number;
}

export type DownloadsRequest =
  | { type: 'downloads/start'; record: AnyModelRecord }
  | { type: 'downloads/cancel'; modelId: string }
  | { type: 'downloads/status'; records: AnyModelRecord[] }
  | { type: 'downloads/delete'; record: AnyModelRecord; otherRecords: AnyModelRecord[] }
  | { type: 'downloads/delete-all'; records: AnyModelRecord[] };

export type DownloadsEvent =
  | { type: 'downloads/progress'; modelId: string; progress: ModelDownloadProgress }
  /** `status`: what is stored of the model once it ended; absent when the store could not be read. */
  | { type: 'downloads/finished'; modelId: string; error: TacitError | null; status?: ModelDiskStatus }
  | { type: 'downloads/status'; statuses: Record<string, ModelDiskStatus>; active: string[] };

// ---- One-shot requests (runtime.sendMessage), each with its response type ------------------------

export interface EngineStatus {
  engine: EngineKind;
  loadedModels: string[];
  /** The loaded models that run on the CPU (llama.cpp); the others are on the GPU. */
  onCpu?: string[];
  /** The engine host's page is cross-origin isolated, so llama.cpp can use threads. */
  crossOriginIsolated?: boolean;
  /** llama.cpp's threads for the loaded CPU model (1: single-threaded); absent when none is loaded. */
  cpuThreads?: number;
  busy: boolean;
}

export interface PanelStatus {
  capabilities: GpuCapabilities | null;
  /** Null when no engine host is running (nothing loaded, no GPU memory in use). */
  engine: EngineStatus | null;
}

/** Every one-shot request: `to` names the only context that answers it. */
export interface RequestMap {
  'panel/status': { to: 'background'; request: Record<string, never>; response: PanelStatus };
  'engine/probe': { to: 'offscreen'; request: Record<string, never>; response: GpuProbe };
  'engine/status': { to: 'offscreen'; request: Record<string, never>; response: EngineStatus };
  'engine/idle': { to: 'background'; request: Record<string, never>; response: { closed: boolean } };
  /** Whether the background is still running this task (a restarted service worker has forgotten it). */
  'task/running': { to: 'background'; request: { requestId: string }; response: { running: boolean } };
  /** Starts the engine host (for downloads from Options) without running anything. */
  'engine/ensure': { to: 'background'; request: Record<string, never>; response: { ok: boolean } };
  /** Puts a rewrite back into the page: in place of the selection, or below it. */
  'rewrite/apply': {
    to: 'background';
    request: { tabId: number; frameId: number; anchorId: string; text: string; mode: 'replace' | 'insert-below' };
    /** `undoSteps`: how many presses of the page's undo take the change back (editors that undo it in steps). */
    response: { ok: true; undoSteps: number } | { ok: false; error: TacitError };
  };
  /** Puts a drafted reply into the tab's reply box (opening one with the client's Reply button if needed). */
  'reply/insert': {
    to: 'background';
    request: { tabId: number; text: string; conversation: ConversationIdentity };
    /** nameLeftToSignature: the draft's closing name was left out because the box's signature already has it. */
    response: { ok: true; opened: boolean; nameLeftToSignature: boolean } | { ok: false; error: TacitError };
  };
  /** The user is about to need this task's model (e.g. opened the Reply view): load it if it is cached and fits. */
  'model/preload': { to: 'background'; request: { task: TaskKind }; response: { started: boolean } };
  /** Adds an event to the diagnostics the background keeps (it checks every field; nothing else writes them). */
  'diagnostics/record': { to: 'background'; request: DiagnosticReport; response: { recorded: boolean } };
  /** The diagnostics kept this browser session, oldest first (Options › Troubleshooting). */
  'diagnostics/list': { to: 'background'; request: Record<string, never>; response: { events: DiagnosticEvent[] } };
  'diagnostics/clear': { to: 'background'; request: Record<string, never>; response: { cleared: boolean } };
  /** The privacy ledger: requests a context made (host, path, bytes, time), what was recorded, and clearing it. */
  'ledger/record': { to: 'background'; request: { entries: LedgerEntry[] }; response: { recorded: number } };
  'ledger/list': { to: 'background'; request: Record<string, never>; response: { entries: LedgerEntry[] } };
  'ledger/clear': { to: 'background'; request: Record<string, never>; response: { cleared: boolean } };
  /** A task's load stored a model (or a repair deleted one): an open Options page shows what is stored anew. */
  'models/changed': { to: 'options'; request: { modelId: string }; response: { refreshed: boolean } };
}

/** Test builds only: what the scripted engine was asked (answered by lib/engine/test-build). */
export interface ScriptedLogEntry {
  modelId: string;
  messages: ChatMessage[];
}

export type RequestType = keyof RequestMap;
export type RequestTarget = RequestMap[RequestType]['to'];

export type RequestEnvelope<K extends RequestType = RequestType> = {
  tacit: 1;
  to: RequestMap[K]['to'];
  type: K;
  payload: RequestMap[K]['request'];
};

export function isRequestEnvelope(value: unknown): value is RequestEnvelope {
  if (typeof value !== 'object' || value === null) return false;
  const envelope = value as Partial<RequestEnvelope>;
  return envelope.tacit === 1 && typeof envelope.type === 'string' && typeof envelope.to === 'string';
}
