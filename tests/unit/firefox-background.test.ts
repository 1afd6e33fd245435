/**
 * Starts the Firefox build's background script against a Firefox-shaped API (no sidePanel, no offscreen):
 * it must start without errors and register its listeners. Run after `npm run build:all`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

const BACKGROUND = resolve(import.meta.dirname, '../../.output/firefox-mv2/background.js');

function fakeEvent() {
  const listeners: unknown[] = [];
  return {
    listeners,
    addListener: (listener: unknown) => listeners.push(listener),
    removeListener: () => undefined,
    hasListener: () => false,
  };
}

function firefoxLikeBrowser() {
  const area = () => ({
    get: async () => ({}),
    set: async () => undefined,
    remove: async () => undefined,
    onChanged: fakeEvent(),
  });
  return {
    runtime: {
      id: 'tacit@tacit.invalid',
      getURL: (path: string) => `moz-extension://uuid${path}`,
      getManifest: () => ({ manifest_version: 2 }),
      onMessage: fakeEvent(),
      onConnect: fakeEvent(),
      onInstalled: fakeEvent(),
      onStartup: fakeEvent(),
      sendMessage: async () => undefined,
      connect: () => ({}),
    },
    storage: { local: area(), session: area(), sync: area(), managed: area(), onChanged: fakeEvent() },
    contextMenus: { create: () => undefined, removeAll: async () => undefined, onClicked: fakeEvent() },
    i18n: { getMessage: () => '', getUILanguage: () => 'en' },
    tabs: { query: async () => [], get: async () => ({}), onRemoved: fakeEvent(), onUpdated: fakeEvent() },
    commands: { onCommand: fakeEvent() },
    browserAction: { onClicked: fakeEvent() },
    windows: { getCurrent: async () => ({}), getLastFocused: async () => ({}) },
  };
}

describe('Firefox build', () => {
  it('starts its background without errors and registers its listeners', () => {
    if (!existsSync(BACKGROUND)) throw new Error(`${BACKGROUND} is missing: run "npm run build:all" first`);
    const browser = firefoxLikeBrowser();
    const errors: unknown[] = [];
    const console_ = {
      log: () => undefined,
      warn: () => undefined,
      debug: () => undefined,
      error: (...args: unknown[]) => errors.push(args),
    };
    expect(() =>
      runInNewContext(readFileSync(BACKGROUND, 'utf8'), {
        browser,
        chrome: browser,
        console: console_,
        setTimeout,
        clearTimeout,
      }),
    ).not.toThrow();
    expect(errors).toEqual([]);
    expect(browser.runtime.onConnect.listeners).toHaveLength(3); // panel intents, task streams, and Options' downloads (the engine host lives here)
    expect(browser.runtime.onMessage.listeners).toHaveLength(1);
    expect(browser.commands.onCommand.listeners).toHaveLength(1);
    expect(browser.contextMenus.onClicked.listeners).toHaveLength(1);
    // The toolbar button: MV2's browserAction, which opens the sidebar.
    expect(browser.browserAction.onClicked.listeners).toHaveLength(1);
  });
});
