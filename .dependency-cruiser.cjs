/**
 * Which code may import which: the folders under lib/ say where code runs (see ARCHITECTURE.md), and these rules keep
 * it true. `npm run lint:deps` checks them; every rule names the context it protects.
 */
// Any context may import another context's types.ts: type-only files with no imports of their own context.
const TYPES = '/types\\.ts$';
// Tests run in vitest, not in a browser context: the context rules apply to shipped code (cycles count everywhere).
const TESTS = '/__tests__/';
const EXTENSION_APIS = [
  '^node_modules/wxt/dist/browser',
  '^node_modules/webextension-polyfill',
  '^node_modules/@wxt-dev/webextension-polyfill',
];
const STORAGE = ['^node_modules/wxt/dist/utils/storage', '^node_modules/@wxt-dev/storage', '^lib/settings/'];
const I18N = ['^#i18n', '^\\.wxt/i18n', '^node_modules/@wxt-dev/i18n'];

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'No import cycles, type-only ones included: each layer depends on the ones below it only.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'lib-not-entrypoints-or-components',
      comment: 'lib/ is used by entrypoints and components, never the other way round.',
      severity: 'error',
      from: { path: '^lib/', pathNot: TESTS },
      to: { path: '^(entrypoints|components)/' },
    },
    {
      name: 'core-imports-nothing',
      comment:
        'lib/core holds errors and tiny helpers every context shares: it imports no other part of Tacit and no extension API.',
      severity: 'error',
      from: { path: '^lib/core/', pathNot: TESTS },
      to: { path: ['^lib/(?!core/)', '^(entrypoints|components)/', ...EXTENSION_APIS, ...STORAGE, ...I18N] },
    },
    {
      name: 'protocol-imports-core-and-types',
      comment: 'The message protocol is shared by every context: it imports only lib/core and types.ts files.',
      severity: 'error',
      from: { path: '^lib/protocol/', pathNot: TESTS },
      to: { path: '^lib/(?!core/|protocol/)', pathNot: TYPES },
    },
    {
      name: 'page-is-pure-dom',
      comment: 'lib/page runs inside web pages (injected): pure DOM, no extension APIs, no storage, no other context.',
      severity: 'error',
      from: { path: '^lib/page/', pathNot: TESTS },
      to: { path: ['^lib/(?!core/|page/)', ...EXTENSION_APIS, ...STORAGE, ...I18N] },
    },
    {
      name: 'page-scripts-use-page-code',
      comment: 'Scripts injected into pages bundle lib/page and lib/core only.',
      severity: 'error',
      from: {
        path: '^entrypoints/page-(reader|editor)\\.ts$',
        pathNot: TESTS,
      },
      to: { path: ['^lib/(?!core/|page/)', '^components/', ...EXTENSION_APIS, ...STORAGE, ...I18N] },
    },
    {
      name: 'offscreen-no-storage',
      comment:
        'The offscreen document has no storage API: a storage-backed module there throws at start-up. It gets settings in each request.',
      severity: 'error',
      from: { path: ['^lib/offscreen/', '^entrypoints/offscreen/'], pathNot: TESTS },
      to: { path: STORAGE },
    },
    {
      name: 'offscreen-stays-in-its-context',
      comment: 'The engine host talks to other contexts over the protocol only, never by importing their code.',
      severity: 'error',
      from: { path: ['^lib/offscreen/', '^entrypoints/offscreen/'], pathNot: TESTS },
      to: { path: ['^lib/(background|panel|options|page|tasks|render)/', '^components/', ...I18N], pathNot: TYPES },
    },
    {
      name: 'background-stays-in-its-context',
      comment:
        'The service worker reaches pages and the engine host through scripting and ports, not by importing their code.',
      severity: 'error',
      from: { path: ['^lib/background/', '^entrypoints/background\\.ts$'], pathNot: TESTS },
      to: { path: ['^lib/(offscreen|page|panel|options|render)/', '^components/'], pathNot: TYPES },
    },
    {
      name: 'tasks-and-models-are-pure',
      comment:
        'Task logic and model policy are pure: browser APIs and storage come in through TaskContext and the background.',
      severity: 'error',
      from: { path: '^lib/(tasks|models)/', pathNot: TESTS },
      to: {
        path: [
          '^lib/(background|offscreen|page|panel|options|render|platform/browser-features)',
          ...EXTENSION_APIS,
          ...STORAGE,
          ...I18N,
        ],
        pathNot: TYPES,
      },
    },
    {
      name: 'extension-pages-use-the-protocol',
      comment:
        'The side panel and Options reach the background and engine host over the protocol, not by importing them.',
      severity: 'error',
      from: {
        path: ['^lib/(panel|options|render)/', '^components/', '^entrypoints/(sidepanel|options)/'],
        pathNot: TESTS,
      },
      to: { path: '^lib/(background|offscreen|page)/', pathNot: TYPES },
    },
    {
      name: 'no-test-code-in-builds',
      comment: 'Shipped code never imports test helpers.',
      severity: 'error',
      from: { path: '^(lib|components|entrypoints)/', pathNot: '/__tests__/' },
      to: { path: ['/__tests__/', '^tests/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^\\.output/', '^node_modules/\\.vite'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.depcruise.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.d.ts'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    moduleSystems: ['es6', 'cjs'],
  },
};
