/** A storage item as a signal that follows changes made anywhere in the extension. */
import { useSignal, type Signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';

/** What the hook needs of an item: reading it and hearing its changes (checked settings and plain items alike). */
export interface WatchableItem<T> {
  getValue(): Promise<T>;
  watch(callback: (value: T) => void): () => void;
}

export function useStorageItem<T>(item: WatchableItem<T>, initial: T): Signal<T> {
  const value = useSignal<T>(initial);
  useEffect(() => {
    void item.getValue().then((stored) => (value.value = stored));
    return item.watch((next) => (value.value = next));
  }, []);
  return value;
}
