/**
 * Tacit's keyboard shortcuts (the manifest's `commands`), chosen among keys the browser actually binds.
 *
 * Chrome binds a suggested key only if it is not one of its own accelerators (CommandService::CanAutoAssign returns
 * !IsChromeAccelerator), and says nothing when it refuses: chrome.commands.getAll() then shows the command with an
 * empty shortcut. That is what happened to Alt+Shift+R, which Chromium 156 uses for a browser command. ChromeOS also
 * keeps some Alt+Shift keys for the system, before the browser sees them.
 */

export type CommandName = 'summarize-page' | 'rewrite-selection' | 'draft-reply';
export type ShortcutPlatform = 'default' | 'windows' | 'mac' | 'linux' | 'chromeos';

/** A manifest `suggested_key`: a key for every platform, and others where `default` is taken. */
export type SuggestedKeys = { default: string } & Partial<Record<Exclude<ShortcutPlatform, 'default'>, string>>;

export const SUGGESTED_SHORTCUTS: Record<CommandName, SuggestedKeys> = {
  // Alt+Shift+S opens Quick Settings on ChromeOS.
  'summarize-page': { default: 'Alt+Shift+S', chromeos: 'Alt+Shift+U' },
  'rewrite-selection': { default: 'Alt+Shift+F' },
  'draft-reply': { default: 'Alt+Shift+E' },
};

/** The description (a locale message) each command has in chrome://extensions/shortcuts. */
export const COMMAND_DESCRIPTIONS: Record<CommandName, string> = {
  'summarize-page': '__MSG_commandSummarizePage__',
  'rewrite-selection': '__MSG_commandRewriteSelection__',
  'draft-reply': '__MSG_commandDraftReply__',
};

/**
 * Alt+Shift keys taken before an extension gets them, per platform (macOS has none: Chrome's Alt+Shift accelerators
 * are not built there). Windows and Linux: measured in Chromium 156 (a suggested Alt+Shift+key stays unbound for
 * A B C N P R T W X Z), plus I, Google Chrome's "Report an issue". ChromeOS: the system's accelerators
 * (ash/public/cpp/accelerators.h: files, feedback, shelf, picture-in-picture, notifications, stylus, Quick Settings)
 * on top of the browser's.
 */
const BROWSER_ALT_SHIFT = ['A', 'B', 'C', 'I', 'N', 'P', 'R', 'T', 'W', 'X', 'Z'];
export const RESERVED_ALT_SHIFT_KEYS: Record<Exclude<ShortcutPlatform, 'default'>, readonly string[]> = {
  windows: BROWSER_ALT_SHIFT,
  linux: BROWSER_ALT_SHIFT,
  chromeos: [...BROWSER_ALT_SHIFT, 'L', 'M', 'S', 'V'],
  mac: [],
};

/** The key a platform gets: its own entry, else the default. */
export function shortcutFor(keys: SuggestedKeys, platform: Exclude<ShortcutPlatform, 'default'>): string {
  return keys[platform] ?? keys.default;
}

/** The manifest's `commands`. */
export function manifestCommands(): Record<CommandName, { suggested_key: SuggestedKeys; description: string }> {
  const commands = {} as Record<CommandName, { suggested_key: SuggestedKeys; description: string }>;
  for (const name of Object.keys(SUGGESTED_SHORTCUTS) as CommandName[]) {
    commands[name] = { suggested_key: SUGGESTED_SHORTCUTS[name], description: COMMAND_DESCRIPTIONS[name] };
  }
  return commands;
}
