import type { TacitError } from '../../core/errors';

/** A read from a tab or one of its frames: the value, or the specific reason it failed. */
export type TabRead<T> = { ok: true; value: T } | { ok: false; error: TacitError };

export interface TabInfo {
  tabId: number;
  title: string;
  url: string;
}

/** Selected text and the language of the page it is on. */
export interface SelectedText {
  text: string;
  lang?: string;
}

export interface FrameRef {
  tabId: number;
  frameId: number;
}
