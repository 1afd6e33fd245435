/**
 * Test builds only: the bare relay that the pipeline benchmark (scripts/bench-pipeline.ts) measures Tacit against.
 * The same scripted tokens go offscreen → service worker → panel, one port message per token, with no rendering.
 */
import type { ScriptedEngineSettings } from './messages';

/** Panel ⇄ background. */
export const PORT_TEST_BARE_RELAY = 'tacit-test-bare-relay';
/** Background ⇄ offscreen. */
export const PORT_TEST_BARE_SOURCE = 'tacit-test-bare-source';

export type BareRelayRequest = { type: 'bare/start'; settings: ScriptedEngineSettings } | { type: 'bare/cancel' };

export type BareRelayEvent = { type: 'bare/delta'; text: string } | { type: 'bare/done'; stopped: boolean };

/** What the offscreen timer probe saw: how late a 5 ms timer fired while it ran. */
export interface StallProbeReport {
  samples: number;
  maxMs: number;
  p95Ms: number;
}
