/** The one place that asks which Chrome-only APIs this browser offers (Firefox has neither side panel nor offscreen documents). */

type ChromeGlobal = typeof chrome;

function chromeApi(): ChromeGlobal | undefined {
  return typeof chrome === 'undefined' ? undefined : chrome;
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

/**
 * Which engines this browser's engine host offers: Chromium runs WebLLM and llama.cpp in its offscreen document, which
 * the manifest's COOP/COEP make cross-origin isolated (llama.cpp may use threads); Firefox has no offscreen documents
 * and runs llama.cpp in its background page, single-threaded.
 */
export function engineHostFacts(): { engines: { gpu: boolean; cpu: boolean }; crossOriginIsolated: boolean } {
  const offscreen = offscreenApi() !== undefined;
  return { engines: { gpu: offscreen, cpu: true }, crossOriginIsolated: offscreen };
}
