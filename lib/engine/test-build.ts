/** Settings that exist only in test builds (mode "e2e"): production code reaches them only behind that check. */
import { storage } from 'wxt/utils/storage';
import type { ScriptedEngineSettings } from '../messaging/protocol';

/** Set by e2e tests to make the offscreen host use the scripted engine; unset means the real WebLLM engine. */
export const scriptedEngineSettings = storage.defineItem<ScriptedEngineSettings | null>('local:test:scriptedEngine', {
  fallback: null,
});

export const IS_TEST_BUILD = import.meta.env.MODE === 'e2e';
