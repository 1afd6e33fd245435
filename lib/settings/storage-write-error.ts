/** Why a setting was not saved, as a typed error and a code: pure, so panel controllers classify failures in tests too. */
import type { SettingName } from './setting-names';

export type StorageWriteCode = 'storage-full' | 'invalid-value' | 'write-failed';

/** Why a setting could not be saved: storage is full, the value breaks its own rules, or storage failed otherwise. */
export class StorageWriteError extends Error {
  constructor(
    readonly code: StorageWriteCode,
    readonly item: SettingName,
    readonly causeName?: string,
  ) {
    super(`${code}: ${item}`);
    this.name = 'StorageWriteError';
  }
}

/** Chrome words a full storage.local as "QUOTA_BYTES quota exceeded" (and per-item limits alike). */
export function isQuotaError(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /quota/i.test(text);
}

/** The code of any failed write: a StorageWriteError's own, else whether storage was full. */
export function storageWriteCode(error: unknown): StorageWriteCode {
  if (error instanceof StorageWriteError) return error.code;
  return isQuotaError(error) ? 'storage-full' : 'write-failed';
}
