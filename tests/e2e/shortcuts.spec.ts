import { expect, test } from './support/extension-test';

test('every command in the manifest has its suggested key bound by the browser', async ({ serviceWorker }) => {
  const { suggested, bound } = await serviceWorker.evaluate(async () => {
    const { os } = await chrome.runtime.getPlatformInfo();
    const commands = chrome.runtime.getManifest().commands ?? {};
    const suggested = Object.fromEntries(
      Object.entries(commands).map(([name, command]) => {
        const keys = (command.suggested_key ?? {}) as Record<string, string | undefined>;
        return [name, keys[os === 'cros' ? 'chromeos' : os] ?? keys.default ?? ''];
      }),
    );
    const all = await chrome.commands.getAll();
    const bound = Object.fromEntries(
      all.filter((command) => command.name! in commands).map((command) => [command.name!, command.shortcut ?? '']),
    );
    return { suggested, bound };
  });
  expect(Object.keys(suggested).sort()).toEqual(['draft-reply', 'rewrite-selection', 'summarize-page']);
  expect(Object.values(suggested).every((key) => key !== '')).toBe(true);
  expect(bound).toEqual(suggested);
});
