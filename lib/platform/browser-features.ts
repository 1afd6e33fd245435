/**
 * The one place that asks which browser-specific APIs this browser offers: Chromium's side panel and offscreen
 * documents, Firefox's sidebar (Firefox has neither side panel nor offscreen documents).
 */

type ChromeGlobal = typeof chrome;

/** Firefox's sidebar (the manifest's sidebar_action); its types are not in WXT's Chrome-shaped `browser`. */
interface SidebarActionApi {
  open(): Promise<void>;
}

/** The browser's ways to open Tacit's panel: one of them, or neither (a browser with no panel for extensions). */
export interface PanelApis {
  sidePanel?: { open(options: { windowId: number }): Promise<void> };
  sidebarAction?: SidebarActionApi;
}

function chromeApi(): ChromeGlobal | undefined {
  return typeof chrome === 'undefined' ? undefined : chrome;
}

export function sidebarActionApi(): SidebarActionApi | undefined {
  return (globalThis as { browser?: { sidebarAction?: SidebarActionApi } }).browser?.sidebarAction;
}

/**
 * Opens Tacit's panel: Chromium's side panel in that window, or Firefox's sidebar, which opens in the window the user
 * acted in. Both browsers allow it only in a user action's handler, before anything is awaited.
 */
export function openPanel(
  windowId: number,
  apis: PanelApis = { sidePanel: sidePanelApi(), sidebarAction: sidebarActionApi() },
): Promise<void> {
  if (apis.sidePanel) return apis.sidePanel.open({ windowId });
  return apis.sidebarAction?.open() ?? Promise.resolve();
}

export function sidePanelApi(): ChromeGlobal['sidePanel'] | undefined {
  return chromeApi()?.sidePanel;
}

export function offscreenApi(): ChromeGlobal['offscreen'] | undefined {
  return chromeApi()?.offscreen;
}

/** Contexts lookup (Chrome 116+) tells whether the offscreen document is alive. */
export function runtimeContextsApi(): ChromeGlobal['runtime']['getContexts'] | undefined {
  return chromeApi()?.runtime?.getContexts?.bind(chrome.runtime);
}

/** Whether this page's browser offers the WebGPU API at all (Firefox does only where WebGPU is turned on). */
export function hasWebGpuApi(): boolean {
  return typeof navigator !== 'undefined' && (navigator as { gpu?: unknown }).gpu !== undefined;
}

/** What decides the engine host's facts: whether Chromium's offscreen document hosts the engine, and WebGPU's API. */
export interface HostBrowser {
  offscreen: boolean;
  webGpuApi: boolean;
}

/**
 * Which engines this browser's engine host offers: Chromium runs WebLLM and llama.cpp in its offscreen document, which
 * the manifest's COOP/COEP make cross-origin isolated (llama.cpp may use threads). Firefox has no offscreen documents:
 * its background page runs llama.cpp, single-threaded, and WebLLM where Firefox offers WebGPU. Whether a GPU is usable
 * is the probe's to say (gpu-capabilities), not this.
 */
export function engineHostFacts(
  browser: HostBrowser = { offscreen: offscreenApi() !== undefined, webGpuApi: hasWebGpuApi() },
): { engines: { gpu: boolean; cpu: boolean }; crossOriginIsolated: boolean } {
  return {
    engines: { gpu: browser.offscreen || browser.webGpuApi, cpu: true },
    crossOriginIsolated: browser.offscreen,
  };
}
