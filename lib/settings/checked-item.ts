/**
 * A storage item that never trusts what it reads: every value passes its check (lib/settings/stored-values) on the
 * way in and out, a stored value that fails is replaced by the fallback (written back, so it is reported once) and
 * its name is added to `settingsRepairs` for the UI and the diagnostics log. Writes that storage refuses (quota) throw
 * a typed StorageWriteError, and nothing is half-saved: storage.local writes one item atomically.
 */
import { storage, type StorageItemKey } from 'wxt/utils/storage';
import { errorName } from '../core/diagnostics';
import type { CheckedValue } from './stored-values';
import { SETTING_NAMES, type SettingName } from './setting-names';
import { StorageWriteError, isQuotaError } from './storage-write-error';

export { SETTING_NAMES, type SettingName } from './setting-names';
export { StorageWriteError, isQuotaError } from './storage-write-error';

/** Settings found invalid in storage and reset, until the user has seen the notice. */
export const settingsRepairs = storage.defineItem<SettingName[]>('local:settingsRepairs', { fallback: [] });

export interface CheckedItem<T> {
  readonly name: SettingName;
  readonly fallback: T;
  getValue(): Promise<T>;
  /** Throws StorageWriteError when the value fails its check or storage refuses it. */
  setValue(value: T): Promise<void>;
  watch(callback: (value: T) => void): () => void;
}

export interface CheckedItemOptions<T> {
  fallback: T;
  check(raw: unknown): CheckedValue<T>;
  /**
   * Storage format version; migrations[n] turns a version n-1 value into version n, and calls `repaired` when it had
   * to drop or reset something, so the user is told as for a value that failed its check.
   */
  version?: number;
  migrations?: Record<number, (old: unknown, repaired: () => void) => unknown>;
}

/** One notice update at a time in this context, so two settings reset together are both listed. */
let repairs: Promise<void> = Promise.resolve();

function reportRepair(name: SettingName): Promise<void> {
  // A failed update (storage refused it) must not stop the ones after it.
  repairs = repairs
    .catch(() => undefined)
    .then(async () => {
      const listed = await settingsRepairs.getValue();
      const known = Array.isArray(listed) ? listed.filter((item) => SETTING_NAMES.includes(item)) : [];
      if (!known.includes(name)) await settingsRepairs.setValue([...known, name]);
    });
  return repairs;
}

export function checkedItem<T>(key: StorageItemKey, name: SettingName, options: CheckedItemOptions<T>): CheckedItem<T> {
  const migrations = options.migrations
    ? Object.fromEntries(
        Object.entries(options.migrations).map(([version, migrate]) => [
          version,
          (old: unknown) => migrate(old, () => void reportRepair(name).catch(() => undefined)),
        ]),
      )
    : undefined;
  const raw = storage.defineItem<unknown>(key, {
    version: options.version ?? 1,
    ...(migrations ? { migrations } : {}),
  });
  const checked = (stored: unknown): T => {
    if (stored === null || stored === undefined) return options.fallback;
    const result = options.check(stored);
    if (!result.valid) {
      // Replace what failed, so every context sees the same value and the notice is raised once.
      void raw
        .setValue(result.value)
        .then(() => reportRepair(name))
        .catch(() => undefined);
    }
    return result.value;
  };
  return {
    name,
    fallback: options.fallback,
    getValue: async () => checked(await raw.getValue()),
    async setValue(value) {
      if (!options.check(value).valid) throw new StorageWriteError('invalid-value', name);
      try {
        await raw.setValue(value);
      } catch (error) {
        throw new StorageWriteError(isQuotaError(error) ? 'storage-full' : 'write-failed', name, errorName(error));
      }
    },
    watch: (callback) => raw.watch((stored) => callback(checked(stored))),
  };
}
