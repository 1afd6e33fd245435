/**
 * Hooks that exist only in test builds (mode "e2e"). Production code reaches this module only behind
 * `import.meta.env.MODE === 'e2e'`, so none of it ships to users (tests/unit/build-output checks).
 */
import { storage } from 'wxt/utils/storage';
import type { ScriptedEngineSettings } from '../protocol/messages';
import { acceptPorts, connectPort, type TypedPort } from '../protocol/ports';
import {
  PORT_TEST_BARE_RELAY,
  PORT_TEST_BARE_SOURCE,
  type BareRelayEvent,
  type BareRelayRequest,
} from '../protocol/test-messages';

/** Set by e2e tests to make the offscreen host use the scripted engine; unset means the real WebLLM engine. */
export function readScriptedEngineSettings(): Promise<ScriptedEngineSettings | null> {
  return storage.getItem<ScriptedEngineSettings>('local:test:scriptedEngine');
}

/** The benchmark's bare relay: each message from the offscreen source goes on to the panel as it is, one to one. */
export function serveBareRelay(ensureEngineHost: () => Promise<void>): void {
  acceptPorts(PORT_TEST_BARE_RELAY, (panel: TypedPort<BareRelayEvent, BareRelayRequest>) => {
    let source: TypedPort<BareRelayRequest, BareRelayEvent> | undefined;
    panel.onDisconnect(() => source?.disconnect());
    panel.onMessage((message) => {
      if (message.type === 'bare/cancel') return source?.post(message);
      void ensureEngineHost().then(() => {
        source?.disconnect();
        source = connectPort<BareRelayRequest, BareRelayEvent>(PORT_TEST_BARE_SOURCE);
        source.onMessage((event) => panel.post(event));
        source.post(message);
      });
    });
  });
}
