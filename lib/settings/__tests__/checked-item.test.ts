import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { StorageWriteError, checkedItem, settingsRepairs } from '../checked-item';
import { checkCustomModels, checkWithSchema, engineIdleMsSchema } from '../stored-values';

beforeEach(() => fakeBrowser.reset());

let keyCounter = 0;
/** A fresh key per test: WXT runs an item's migrations when it is defined. */
function idleItem() {
  keyCounter += 1;
  return checkedItem<number>(`local:idle${keyCounter}`, 'engineIdleMs', {
    fallback: 1000,
    check: (raw) => checkWithSchema(engineIdleMsSchema, raw, 1000),
  });
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('checkedItem', () => {
  it('reads a valid value as stored, and the fallback when nothing is stored', async () => {
    const item = idleItem();
    expect(await item.getValue()).toBe(1000);
    await item.setValue(5000);
    expect(await item.getValue()).toBe(5000);
  });

  it('gives the fallback for a corrupted value, replaces it, and lists the setting once for the notice', async () => {
    const item = idleItem();
    await fakeBrowser.storage.local.set({ [`idle${keyCounter}`]: 'garbage' });
    expect(await item.getValue()).toBe(1000);
    expect(await item.getValue()).toBe(1000);
    await settled();
    expect((await fakeBrowser.storage.local.get(`idle${keyCounter}`))[`idle${keyCounter}`]).toBe(1000);
    expect(await settingsRepairs.getValue()).toEqual(['engineIdleMs']);
  });

  it('refuses to write a value that breaks its rules, and keeps the old one', async () => {
    const item = idleItem();
    await item.setValue(2000);
    await expect(item.setValue(-1)).rejects.toMatchObject({ code: 'invalid-value', item: 'engineIdleMs' });
    expect(await item.getValue()).toBe(2000);
  });

  it('turns a quota failure into a typed storage-full error, and nothing is half-saved', async () => {
    const item = idleItem();
    await item.setValue(2000);
    const set = fakeBrowser.storage.local.set;
    fakeBrowser.storage.local.set = () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
    const failure = await item.setValue(3000).catch((error: unknown) => error);
    fakeBrowser.storage.local.set = set;
    expect(failure).toBeInstanceOf(StorageWriteError);
    expect(failure).toMatchObject({ code: 'storage-full' });
    expect(await item.getValue()).toBe(2000);
  });

  it('hands watchers checked values only', async () => {
    const item = idleItem();
    const seen: number[] = [];
    item.watch((value) => seen.push(value));
    await fakeBrowser.storage.local.set({ [`idle${keyCounter}`]: { evil: true } });
    await fakeBrowser.storage.local.set({ [`idle${keyCounter}`]: 7000 });
    await settled();
    expect(seen).toContain(7000);
    expect(seen.every((value) => typeof value === 'number')).toBe(true);
  });

  it('migrates version 1 custom models to version 2 by dropping records that fail the input rules', async () => {
    await fakeBrowser.storage.local.set({ legacyModels: [null, { model_id: 'x', model: 'javascript:alert(1)' }] });
    const item = checkedItem('local:legacyModels', 'customModels', {
      fallback: [],
      check: (raw) => checkCustomModels(raw, []),
      version: 2,
      migrations: {
        2: (old, repaired) => {
          const checked = checkCustomModels(old, []);
          if (!checked.valid) repaired();
          return checked.value;
        },
      },
    });
    expect(await item.getValue()).toEqual([]);
    await settled();
    expect(await settingsRepairs.getValue()).toEqual(['customModels']);
    const stored = await fakeBrowser.storage.local.get(['legacyModels', 'legacyModels$']);
    expect(stored).toEqual({ legacyModels: [], legacyModels$: { v: 2 } });
  });
});
