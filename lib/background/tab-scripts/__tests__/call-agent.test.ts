import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { useAgent } from '../call-agent';
import { fakeFrame, type ScriptAgents } from './fake-frame';

const TAB_ID = 31;
const PAGE_URL = 'https://news.example.com/story';

/** What each packaged script installs in a frame's isolated world. */
const SCRIPT_AGENTS: ScriptAgents = {
  '/page-reader.js': { reader: { readPage: () => ({ ok: true, read: 'page' }) } },
  '/page-editor.js': {
    editing: { capture: () => ({ ok: true, captured: 'selection' }) },
    webmail: { readSelection: () => ({ ok: true, read: 'message' }) },
  },
};

beforeEach(() => {
  fakeBrowser.reset();
});

describe('useAgent', () => {
  it('reads a page with the reader script alone, and injects the editing script only for an edit', async () => {
    const frame = fakeFrame(SCRIPT_AGENTS);
    const target = { tabId: TAB_ID, url: PAGE_URL };

    expect(await useAgent(target, 'reader', 'readPage')).toEqual({ ok: true, value: { ok: true, read: 'page' } });
    // The first read installs the reader and reads in one injection.
    expect(frame.injected).toEqual(['/page-reader.js', '/reader-read-page.js']);

    expect(await useAgent(target, 'editing', 'capture')).toEqual({
      ok: true,
      value: { ok: true, captured: 'selection' },
    });
    expect(await useAgent(target, 'webmail', 'readSelection')).toEqual({
      ok: true,
      value: { ok: true, read: 'message' },
    });
    expect(await useAgent(target, 'reader', 'readPage')).toEqual({ ok: true, value: { ok: true, read: 'page' } });
    expect(frame.injected).toEqual(['/page-reader.js', '/reader-read-page.js', '/page-editor.js']);
  });

  it('injects the reader script again after the page navigated', async () => {
    const frame = fakeFrame(SCRIPT_AGENTS);
    const target = { tabId: TAB_ID + 1, url: PAGE_URL };
    await useAgent(target, 'reader', 'readPage');

    frame.navigate();

    expect(await useAgent(target, 'reader', 'readPage')).toEqual({ ok: true, value: { ok: true, read: 'page' } });
    expect(frame.injected).toEqual([
      '/page-reader.js',
      '/reader-read-page.js',
      '/page-reader.js',
      '/reader-read-page.js',
    ]);
  });

  it('still reads the page in a browser that answers an injection with its first script’s value', async () => {
    const frame = fakeFrame(SCRIPT_AGENTS, { firstFileResult: true });
    const target = { tabId: TAB_ID + 2, url: PAGE_URL };
    expect(await useAgent(target, 'reader', 'readPage')).toEqual({ ok: true, value: { ok: true, read: 'page' } });
    expect(frame.injected).toEqual(['/page-reader.js', '/reader-read-page.js']);
  });
});
