/** A storage item as a signal that follows changes made anywhere in the extension. */
import { useSignal, type Signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { WxtStorageItem } from 'wxt/utils/storage';

export function useStorageItem<T>(item: WxtStorageItem<T, Record<string, unknown>>, initial: T): Signal<T> {
  const value = useSignal<T>(initial);
  useEffect(() => {
    void item.getValue().then((stored) => (value.value = stored));
    return item.watch((next) => (value.value = next));
  }, []);
  return value;
}
