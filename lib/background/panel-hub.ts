/**
 * The background's list of open panels. Intents from the toolbar, shortcut or context menu go to the panel of that
 * window (or a detached one); if none is open yet, the intent waits until the panel says hello.
 */
import type { TypedPort } from '../protocol/ports';
import type { HubToPanel, PanelEngineMessage, PanelHello, PanelIntent, PanelPlacement } from '../protocol/messages';

export type PanelHubPort = TypedPort<HubToPanel, PanelHello>;

/** An intent older than this is stale (the panel never opened): dropped rather than run by surprise later. */
const PENDING_INTENT_TTL_MS = 60_000;

export class PanelHub {
  private readonly docked = new Map<number, PanelHubPort>();
  private detached: PanelHubPort | undefined;
  private readonly pending = new Map<number, { intent: PanelIntent; at: number }>();

  constructor(
    private readonly now: () => number = Date.now,
    /** A panel opened (with the intent it was opened for): the background may get ready for what comes next. */
    private readonly onPanelOpened: (intent: PanelIntent | undefined) => void = () => undefined,
  ) {}

  attach(port: PanelHubPort): void {
    let placement: PanelPlacement | undefined;
    port.onMessage((message) => {
      if (message.type !== 'panel/hello') return;
      placement = message.placement;
      if (placement.docked) this.docked.set(placement.windowId, port);
      else this.detached = port;
      const waiting = this.takePending(placement);
      if (waiting) port.post({ type: 'panel/intent', intent: waiting });
      this.onPanelOpened(waiting);
    });
    port.onDisconnect(() => {
      if (placement?.docked && this.docked.get(placement.windowId) === port) this.docked.delete(placement.windowId);
      if (this.detached === port) this.detached = undefined;
    });
  }

  /** Delivers now if a panel is listening for this window, else keeps it for the panel that is opening. */
  deliver(windowId: number, intent: PanelIntent): void {
    const port = this.docked.get(windowId) ?? this.detached;
    if (port) port.post({ type: 'panel/intent', intent });
    else this.pending.set(windowId, { intent, at: this.now() });
  }

  /** Tells every open panel what changed in the engine, so that no status line goes on saying a model is loaded. */
  broadcast(message: PanelEngineMessage): void {
    const ports = new Set([...this.docked.values(), ...(this.detached ? [this.detached] : [])]);
    ports.forEach((port) => port.post(message));
  }

  private takePending(placement: PanelPlacement): PanelIntent | undefined {
    for (const [windowId, entry] of this.pending) {
      if (this.now() - entry.at >= PENDING_INTENT_TTL_MS) this.pending.delete(windowId);
    }
    const fresh = [...this.pending];
    const match = placement.docked
      ? fresh.find(([windowId]) => windowId === placement.windowId)
      : fresh.sort(([, a], [, b]) => b.at - a.at)[0];
    if (!match) return undefined;
    this.pending.delete(match[0]);
    return match[1].intent;
  }
}
