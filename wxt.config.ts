import { createRequire } from 'node:module';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { asciiPageScripts } from './lib/platform/ascii-script';
import { extensionPagesCsp, parseExtraSources } from './lib/platform/csp';
import { BUNDLED_LIBRARY_FOLDER } from './lib/platform/bundled-model-libraries';
import { modelLibraryFiles } from './lib/platform/model-library-files';
import { manifestCommands } from './lib/platform/shortcuts';
import { WEBMAIL_ORIGIN_PATTERNS } from './lib/core/webmail-hosts';

// Chrome Web Store builds: package the model libraries from this folder instead of fetching them at run time.
const bundledLibraries = modelLibraryFiles(process.env.TACIT_MODEL_LIBS_DIR);
// llama.cpp's WebAssembly ships as a file of its own: Firefox's background script is one bundle that would inline it.
const wllamaWasm = createRequire(import.meta.url).resolve('@wllama/wllama/esm/wasm/wllama.wasm');

// Build modes: `production` is what users install; `e2e` adds the scripted engine and a
// 127.0.0.1 host grant that Playwright tests need (they cannot trigger activeTab).
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  outDirTemplate: '{{browser}}-mv{{manifestVersion}}{{modeSuffix}}',
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push({ absoluteSrc: wllamaWasm, relativeDest: 'wllama.wasm' });
      for (const library of bundledLibraries) {
        files.push({
          absoluteSrc: library.absolutePath,
          relativeDest: `${BUNDLED_LIBRARY_FOLDER}/${library.fileName}`,
        });
      }
    },
  },
  vite: () => ({
    define: { __TACIT_BUNDLED_MODEL_LIBS__: JSON.stringify(bundledLibraries.map((library) => library.fileName)) },
    // Page scripts in ASCII: V8 reads a script with one character past Latin-1 as two-byte text, slower to parse.
    plugins: [preact(), asciiPageScripts()],
    build: { target: 'es2022', chunkSizeWarningLimit: 8000 },
    worker: { format: 'es' },
  }),
  manifest: ({ browser, mode }) => {
    // Firefox's MV2 background page starts llama.cpp's workers from blob: URLs, which its CSP must allow.
    const csp = extensionPagesCsp(parseExtraSources(process.env.TACIT_MODEL_SOURCES), {
      blobWorkers: browser === 'firefox',
    });
    const chromeOnly = browser === 'firefox' ? [] : ['sidePanel', 'offscreen'];
    return {
      name: '__MSG_extName__',
      description: '__MSG_extDescription__',
      default_locale: 'en',
      minimum_chrome_version: '116',
      permissions: [...chromeOnly, 'contextMenus', 'storage', 'activeTab', 'scripting'],
      ...(mode === 'e2e' ? { host_permissions: ['http://127.0.0.1/*'] } : {}),
      // Asked for only when the user presses "Allow" in the Reply view; without it, the toolbar click grants access.
      ...(browser === 'firefox' ? {} : { optional_host_permissions: [...WEBMAIL_ORIGIN_PATTERNS] }),
      action: { default_title: '__MSG_actionTitle__' },
      // Keys the browser really binds on each platform: see lib/platform/shortcuts.ts.
      commands: manifestCommands(),
      // WXT turns this into MV2's string form for Firefox.
      content_security_policy: { extension_pages: csp },
      browser_specific_settings: browser === 'firefox' ? { gecko: { id: 'tacit@tacit.invalid' } } : undefined,
      // Cross-origin isolation gives the offscreen document SharedArrayBuffer, so llama.cpp runs multi-threaded.
      ...(browser === 'firefox'
        ? {}
        : {
            cross_origin_embedder_policy: { value: 'require-corp' },
            cross_origin_opener_policy: { value: 'same-origin' },
          }),
    };
  },
});
