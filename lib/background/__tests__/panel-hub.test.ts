import { describe, expect, it } from 'vitest';
import { PanelHub } from '../panel-hub';
import type { HubToPanel, PanelHello, PanelIntent } from '../../protocol/messages';
import { FakePort } from '../../protocol/__tests__/fake-port';

type PanelPort = FakePort<HubToPanel, PanelHello>;

const SUMMARIZE_TAB_7: PanelIntent = { kind: 'summarize-page', tabId: 7 };
const SUMMARIZE_TAB_8: PanelIntent = { kind: 'summarize-page', tabId: 8 };

/** A hub with a clock the test moves by hand. */
function setup() {
  const clock = { now: 1_000_000 };
  const hub = new PanelHub(() => clock.now);
  /** A panel that connected and said where it is. */
  const openPanel = (placement: { windowId: number; docked: boolean }): PanelPort => {
    const port: PanelPort = new FakePort();
    hub.attach(port);
    port.deliver({ type: 'panel/hello', placement });
    return port;
  };
  return { hub, clock, openPanel };
}

const intentsOf = (port: PanelPort): PanelIntent[] =>
  port.posted.flatMap((message) => (message.type === 'panel/intent' ? [message.intent] : []));

describe('PanelHub', () => {
  it("delivers an intent to the docked panel of the intent's window only", () => {
    const { hub, openPanel } = setup();
    const window1 = openPanel({ windowId: 1, docked: true });
    const window2 = openPanel({ windowId: 2, docked: true });

    hub.deliver(2, SUMMARIZE_TAB_7);

    expect(window2.posted).toEqual([{ type: 'panel/intent', intent: SUMMARIZE_TAB_7 }]);
    expect(window1.posted).toEqual([]);
  });

  it('delivers to a detached panel when the window has no docked one', () => {
    const { hub, openPanel } = setup();
    const detached = openPanel({ windowId: 9, docked: false });

    hub.deliver(1, SUMMARIZE_TAB_7);

    expect(intentsOf(detached)).toEqual([SUMMARIZE_TAB_7]);
  });

  it("prefers the window's docked panel over a detached one", () => {
    const { hub, openPanel } = setup();
    const detached = openPanel({ windowId: 9, docked: false });
    const docked = openPanel({ windowId: 1, docked: true });

    hub.deliver(1, SUMMARIZE_TAB_7);

    expect(intentsOf(docked)).toEqual([SUMMARIZE_TAB_7]);
    expect(detached.posted).toEqual([]);
  });

  it('an intent delivered at once is not handed again to a panel that opens later', () => {
    const { hub, openPanel } = setup();
    const first = openPanel({ windowId: 1, docked: true });
    hub.deliver(1, SUMMARIZE_TAB_7);
    first.disconnectFromPeer();

    const reopened = openPanel({ windowId: 1, docked: true });

    expect(intentsOf(first)).toEqual([SUMMARIZE_TAB_7]);
    expect(reopened.posted).toEqual([]);
  });

  it('keeps an intent until the opening panel says hello, then delivers it exactly once', () => {
    const { hub, clock } = setup();
    hub.deliver(1, SUMMARIZE_TAB_7);

    const port: PanelPort = new FakePort();
    hub.attach(port);
    expect(port.posted).toEqual([]); // connected, but not yet told where it is

    clock.now += 500;
    port.deliver({ type: 'panel/hello', placement: { windowId: 1, docked: true } });
    expect(intentsOf(port)).toEqual([SUMMARIZE_TAB_7]);

    // A second hello (the panel reloaded) must not run the summary again.
    port.deliver({ type: 'panel/hello', placement: { windowId: 1, docked: true } });
    expect(intentsOf(port)).toEqual([SUMMARIZE_TAB_7]);
  });

  it('tells the background what each opening panel was opened for, so it can preload the right model', () => {
    const opened: Array<PanelIntent | undefined> = [];
    const hub = new PanelHub(
      () => 0,
      (intent) => opened.push(intent),
    );
    hub.deliver(1, { kind: 'open-reply', tabId: 7 });
    for (const windowId of [1, 2]) {
      const port: PanelPort = new FakePort();
      hub.attach(port);
      port.deliver({ type: 'panel/hello', placement: { windowId, docked: true } });
    }
    expect(opened).toEqual([{ kind: 'open-reply', tabId: 7 }, undefined]);
  });

  it('drops a pending intent that waited 60 seconds or more', () => {
    const { hub, clock, openPanel } = setup();
    hub.deliver(1, SUMMARIZE_TAB_7);
    clock.now += 60_000;

    const panel = openPanel({ windowId: 1, docked: true });

    expect(panel.posted).toEqual([]);
  });

  it('still delivers a pending intent just under 60 seconds old', () => {
    const { hub, clock, openPanel } = setup();
    hub.deliver(1, SUMMARIZE_TAB_7);
    clock.now += 59_999;

    const panel = openPanel({ windowId: 1, docked: true });

    expect(intentsOf(panel)).toEqual([SUMMARIZE_TAB_7]);
  });

  it("gives a docked panel only its own window's pending intent", () => {
    const { hub, openPanel } = setup();
    hub.deliver(1, SUMMARIZE_TAB_7);

    const otherWindow = openPanel({ windowId: 2, docked: true });
    expect(otherWindow.posted).toEqual([]);

    const ownWindow = openPanel({ windowId: 1, docked: true });
    expect(intentsOf(ownWindow)).toEqual([SUMMARIZE_TAB_7]);
  });

  it('gives a detached panel the most recent pending intent, and leaves the others waiting', () => {
    const { hub, clock, openPanel } = setup();
    hub.deliver(1, SUMMARIZE_TAB_7);
    clock.now += 1_000;
    hub.deliver(2, SUMMARIZE_TAB_8);

    const detached = openPanel({ windowId: 5, docked: false });
    expect(intentsOf(detached)).toEqual([SUMMARIZE_TAB_8]);

    // Window 1's intent was not consumed by the detached panel.
    const docked = openPanel({ windowId: 1, docked: true });
    expect(intentsOf(docked)).toEqual([SUMMARIZE_TAB_7]);
  });

  it('keeps the newer intent when a window asks twice before its panel opens', () => {
    const { hub, clock, openPanel } = setup();
    hub.deliver(1, SUMMARIZE_TAB_7);
    clock.now += 100;
    hub.deliver(1, SUMMARIZE_TAB_8);

    const panel = openPanel({ windowId: 1, docked: true });

    expect(intentsOf(panel)).toEqual([SUMMARIZE_TAB_8]);
  });

  it('stops delivering to a docked panel once it disconnects; the intent waits for the next panel', () => {
    const { hub, openPanel } = setup();
    const closed = openPanel({ windowId: 1, docked: true });
    closed.disconnectFromPeer();

    hub.deliver(1, SUMMARIZE_TAB_7);
    expect(closed.posted).toEqual([]);

    const reopened = openPanel({ windowId: 1, docked: true });
    expect(intentsOf(reopened)).toEqual([SUMMARIZE_TAB_7]);
  });

  it('stops delivering to a detached panel once it disconnects', () => {
    const { hub, openPanel } = setup();
    const closed = openPanel({ windowId: 9, docked: false });
    closed.disconnectFromPeer();

    hub.deliver(1, SUMMARIZE_TAB_7);

    expect(closed.posted).toEqual([]);
  });

  it("an old panel's disconnect does not unregister the newer panel of the same window", () => {
    const { hub, openPanel } = setup();
    const old = openPanel({ windowId: 1, docked: true });
    const current = openPanel({ windowId: 1, docked: true });
    old.disconnectFromPeer();

    hub.deliver(1, SUMMARIZE_TAB_7);

    expect(intentsOf(current)).toEqual([SUMMARIZE_TAB_7]);
    expect(old.posted).toEqual([]);
  });

  it('tells every open panel, docked or detached, that the engine unloaded at idle; closed panels hear nothing', () => {
    const { hub, openPanel } = setup();
    const docked = openPanel({ windowId: 1, docked: true });
    const detached = openPanel({ windowId: 9, docked: false });
    const closed = openPanel({ windowId: 2, docked: true });
    closed.disconnectFromPeer();

    hub.broadcast({ type: 'panel/engine', change: 'idle-unload' });

    expect(docked.posted).toEqual([{ type: 'panel/engine', change: 'idle-unload' }]);
    expect(detached.posted).toEqual([{ type: 'panel/engine', change: 'idle-unload' }]);
    expect(closed.posted).toEqual([]);
  });
});
