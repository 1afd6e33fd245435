import { describe, expect, it } from 'vitest';
import {
  RESERVED_ALT_SHIFT_KEYS,
  SUGGESTED_SHORTCUTS,
  manifestCommands,
  shortcutFor,
  type ShortcutPlatform,
} from '../shortcuts';

const PLATFORMS = Object.keys(RESERVED_ALT_SHIFT_KEYS) as Array<Exclude<ShortcutPlatform, 'default'>>;

describe('suggested shortcuts', () => {
  it.each(PLATFORMS)('uses no key the browser or the system keeps for itself on %s', (platform) => {
    for (const keys of Object.values(SUGGESTED_SHORTCUTS)) {
      const key = shortcutFor(keys, platform);
      const [, letter] = key.match(/^Alt\+Shift\+([A-Z0-9])$/) ?? [];
      expect(letter, key).toBeDefined();
      expect(RESERVED_ALT_SHIFT_KEYS[platform], `${key} on ${platform}`).not.toContain(letter);
    }
  });

  it.each(PLATFORMS)('gives each command its own key on %s', (platform) => {
    const keys = Object.values(SUGGESTED_SHORTCUTS).map((suggested) => shortcutFor(suggested, platform));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('keeps Alt+Shift+S for summaries where the browser binds it, and moves it on ChromeOS', () => {
    expect(shortcutFor(SUGGESTED_SHORTCUTS['summarize-page'], 'linux')).toBe('Alt+Shift+S');
    expect(shortcutFor(SUGGESTED_SHORTCUTS['summarize-page'], 'chromeos')).toBe('Alt+Shift+U');
    expect(RESERVED_ALT_SHIFT_KEYS.linux).toContain('R');
  });

  it('suggests at most four keys, the most Chrome accepts from one extension', () => {
    expect(Object.keys(manifestCommands()).length).toBeLessThanOrEqual(4);
    expect(manifestCommands()['rewrite-selection']).toEqual({
      suggested_key: { default: 'Alt+Shift+F' },
      description: '__MSG_commandRewriteSelection__',
    });
  });
});
