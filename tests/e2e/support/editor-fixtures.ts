/** Builds the rich-editor fixtures (real editors from node_modules, bundled by esbuild) once per run and serves them. */
import { build } from 'esbuild';
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { LocalServer } from './local-server';

const ROOT = resolve(import.meta.dirname, '../../..');
const SOURCES = resolve(ROOT, 'tests/fixtures/editing/editors');
const OUT = resolve(ROOT, '.output/editor-fixtures');

export const EDITORS = ['lexical', 'slate', 'tiptap', 'codemirror', 'trix', 'ckeditor', 'draft', 'monaco'] as const;
export type EditorName = (typeof EDITORS)[number];

let built: Promise<void> | undefined;

/** Bundles every editor entry (and Monaco's worker) into .output/editor-fixtures; later calls reuse the same build. */
export function buildEditorFixtures(): Promise<void> {
  built ??= (async () => {
    rmSync(OUT, { recursive: true, force: true });
    await build({
      entryPoints: [
        ...EDITORS.map((name) => join(SOURCES, `${name}.js`)),
        { in: resolve(ROOT, 'node_modules/monaco-editor/esm/vs/editor/editor.worker.js'), out: 'monaco-worker' },
      ],
      outdir: OUT,
      bundle: true,
      format: 'esm',
      splitting: false,
      minify: true,
      target: 'chrome120',
      loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'dataurl' },
      define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
      logLevel: 'error',
    });
  })();
  return built;
}

/** Serves the built bundles and a page per editor at /editing/editors/<name>.html. */
export function serveEditorFixtures(server: LocalServer): void {
  server.mount('/vendor/editors/', OUT);
  for (const name of EDITORS) {
    const css = existsSync(join(OUT, `${name}.css`))
      ? `<link rel="stylesheet" href="/vendor/editors/${name}.css">`
      : '';
    server.serve(
      `/editing/editors/${name}.html`,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tacit editing: ${name}</title>${css}</head>` +
        `<body><div id="editor"></div><button id="elsewhere">Somewhere else to focus</button>` +
        `<script type="module" src="/vendor/editors/${name}.js"></script></body></html>`,
    );
  }
}
