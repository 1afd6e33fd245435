/**
 * Hooks that exist only in test builds (mode "e2e"). Production code reaches this module only behind
 * `import.meta.env.MODE === 'e2e'`, so none of it ships to users (tests/unit/build-output checks).
 */
import { storage } from 'wxt/utils/storage';
import type { ScriptedEngineSettings } from '../protocol/messages';

/** Set by e2e tests to make the offscreen host use the scripted engine; unset means the real WebLLM engine. */
export function readScriptedEngineSettings(): Promise<ScriptedEngineSettings | null> {
  return storage.getItem<ScriptedEngineSettings>('local:test:scriptedEngine');
}
