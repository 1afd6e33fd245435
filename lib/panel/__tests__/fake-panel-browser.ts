/** The side panel's browser in memory: ports the test answers as the background, requests, settings, permissions. */
import { FakePort } from '../../protocol/__tests__/fake-port';
import type {
  BackgroundToPanel,
  HubToPanel,
  PanelHello,
  PanelPlacement,
  PanelStatus,
  PanelToBackground,
  RequestMap,
  RequestType,
  SummaryRequestOptions,
  TaskRequest,
} from '../../protocol/messages';
import type { TaskKind } from '../../models/types';
import type { TaskModelChoice } from '../../settings/settings';
import type { DraftOptions } from '../../tasks/draft/types';
import type { RewriteStyle } from '../../tasks/rewrite/types';
import type { PanelDeps, PanelSettings, StoredValue } from '../panel-deps';
import type { TaskStreamDeps } from '../task-stream';

export type FakeTaskPort = FakePort<PanelToBackground, BackgroundToPanel>;
export type FakeHubPort = FakePort<PanelHello, HubToPanel>;

/** Waits until promises already settled have run their callbacks (settings read, placement known). */
export const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class FakeStoredValue<T> implements StoredValue<T> {
  /** Set to make every write fail with it, as a full storage does; the stored value stays. */
  refuseWith: unknown = undefined;

  constructor(public value: T) {}

  async getValue(): Promise<T> {
    return this.value;
  }

  async setValue(value: T): Promise<void> {
    if (this.refuseWith !== undefined) throw this.refuseWith;
    this.value = value;
  }
}

type Answers = {
  [K in RequestType]?: (payload: RequestMap[K]['request'] | undefined) => Promise<RequestMap[K]['response']>;
};
type SentRequest = { [K in RequestType]: { type: K; payload: RequestMap[K]['request'] | undefined } }[RequestType];
type WithoutRequestId<M> = M extends unknown ? Omit<M, 'requestId'> : never;
type TaskMessage = WithoutRequestId<BackgroundToPanel>;

/** One task the panel started, and the background's side of it. */
export class StartedTask {
  constructor(
    readonly port: FakeTaskPort,
    readonly requestId: string,
    readonly task: TaskRequest,
  ) {}

  send(message: TaskMessage): void {
    this.port.deliver({ ...message, requestId: this.requestId } as BackgroundToPanel);
  }

  delta(text: string): void {
    this.send({ type: 'task/delta', text });
  }

  done(stopped = false): void {
    this.send({ type: 'task/done', stopped });
  }

  /** Whether the panel asked the background to cancel this task. */
  get cancelled(): boolean {
    return this.port.posted.some((message) => message.type === 'task/cancel' && message.requestId === this.requestId);
  }
}

export const STATUS: PanelStatus = { capabilities: null, engine: null };

export class FakePanelBrowser {
  readonly taskPorts: FakeTaskPort[] = [];
  readonly hubPorts: FakeHubPort[] = [];
  readonly requests: SentRequest[] = [];
  /** Every task the panel started, oldest first, across all its ports. */
  readonly started: StartedTask[] = [];
  readonly siteAccessAsked: string[] = [];
  /** Tabs the panel watches, with how to tell it that one closed or navigated. */
  readonly watchedTabs = new Map<number, (reason: 'tab-closed' | 'page-navigated') => void>();
  grantSiteAccess = true;
  placement: PanelPlacement = { windowId: 7, docked: true };
  readonly answers: Answers = {
    'panel/status': async () => STATUS,
    'task/running': async () => ({ running: true }),
    'model/preload': async () => ({ started: true }),
  };
  readonly settings = {
    summaryOptions: new FakeStoredValue<SummaryRequestOptions | null>(null),
    draftOptions: new FakeStoredValue<DraftOptions | null>(null),
    lastRewriteStyle: new FakeStoredValue<RewriteStyle>('proofread'),
    lastCustomInstruction: new FakeStoredValue(''),
    taskModels: new FakeStoredValue<Partial<Record<TaskKind, TaskModelChoice>>>({}),
  } satisfies PanelSettings;

  /** What the panel recorded for Options › Troubleshooting. */
  readonly diagnostics: Array<{ code: string; details?: Record<string, unknown> }> = [];

  readonly deps: PanelDeps = {
    openTaskPort: () => this.openTaskPort(),
    openHubPort: () => {
      const port: FakeHubPort = new FakePort();
      this.hubPorts.push(port);
      return port;
    },
    sendRequest: (type, payload) => {
      this.requests.push({ type, payload } as SentRequest);
      const answer = this.answers[type];
      return answer ? answer(payload) : Promise.reject(new Error(`nobody answers ${type}`));
    },
    placement: async () => this.placement,
    requestSiteAccess: async (origin) => {
      this.siteAccessAsked.push(origin);
      return this.grantSiteAccess;
    },
    watchTab: (tabId, onGone) => {
      this.watchedTabs.set(tabId, onGone);
      return () => {
        if (this.watchedTabs.get(tabId) === onGone) this.watchedTabs.delete(tabId);
      };
    },
    settings: this.settings,
    recordDiagnostic: (code, details) => void this.diagnostics.push(details ? { code, details } : { code }),
  };

  /** For a stream on its own (no panel around it): ports from this browser, the background always says "running". */
  readonly streamDeps: TaskStreamDeps = {
    openTaskPort: () => this.openTaskPort(),
    isTaskRunning: async () => true,
  };

  /** The task started last, of this kind if given; fails the test if there is none. */
  last(kind?: TaskRequest['kind']): StartedTask {
    const task = this.started.filter((started) => kind === undefined || started.task.kind === kind).at(-1);
    if (!task) throw new Error(`no ${kind ?? ''} task was started`);
    return task;
  }

  requestsOf<K extends RequestType>(type: K): Array<RequestMap[K]['request'] | undefined> {
    return this.requests.filter((request) => request.type === type).map((request) => request.payload);
  }

  private openTaskPort(): FakeTaskPort {
    const port: FakeTaskPort = new FakePort();
    const post = port.post.bind(port);
    port.post = (message) => {
      post(message);
      if (message.type === 'task/start') this.started.push(new StartedTask(port, message.requestId, message.task));
    };
    this.taskPorts.push(port);
    return port;
  }
}
