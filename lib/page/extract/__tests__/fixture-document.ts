/** Test helper: loads a fixture page into a happy-dom window with scripts, network and frame loading off. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';

const PAGES_DIR = fileURLToPath(new URL('../../../../tests/fixtures/pages/', import.meta.url));

export function readFixture(name: string): string {
  return readFileSync(`${PAGES_DIR}${name}`, 'utf8');
}

/** A document with a real view (so computed styles work), at a 127.0.0.1 URL so same-origin checks behave. */
export function documentFromHtml(html: string, name = 'page.html'): Document {
  const window = new Window({
    url: `http://127.0.0.1/pages/${name}`,
    settings: {
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      navigation: {
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
        disableMainFrameNavigation: true,
      },
    },
  });
  window.document.write(html);
  return window.document as unknown as Document;
}

export function fixtureDocument(name: string): Document {
  return documentFromHtml(readFixture(name), name);
}

/** What the fixture's inline script does in a browser; happy-dom runs no scripts here, so tests do it. */
export function renderShadowStory(doc: Document): void {
  const host = doc.getElementById('story');
  const template = doc.getElementById('story-template') as HTMLTemplateElement | null;
  if (!host || !template) throw new Error('shadow-article.html lost its #story host or template');
  host.attachShadow({ mode: 'open' }).appendChild(template.content.cloneNode(true));
}

/**
 * The iframe fixture with the frame's page inlined through srcdoc: happy-dom cannot load `src` from disk,
 * while srcdoc gives the same same-origin document a browser builds from iframe-inner.html.
 */
export function iframeFixtureDocument(): Document {
  const inner = readFixture('iframe-inner.html').replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const outer = readFixture('iframe-outer.html').replace('src="iframe-inner.html"', `srcdoc="${inner}"`);
  if (!outer.includes('srcdoc=')) throw new Error('iframe-outer.html no longer points at iframe-inner.html');
  return documentFromHtml(outer, 'iframe-outer.html');
}
