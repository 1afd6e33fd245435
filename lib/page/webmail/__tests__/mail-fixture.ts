/** Test helper: loads a webmail page into its own happy-dom window with its inline scripts on, as a browser runs them. */
import { readFileSync } from 'node:fs';
import { fileURLToPath, URL as NodeURL } from 'node:url';
import { Window } from 'happy-dom';

// node:url's URL, because the happy-dom environment replaces the global one.
const WEBMAIL_DIR = fileURLToPath(new NodeURL('../../../../tests/fixtures/webmail/', import.meta.url));
const openWindows: Window[] = [];

/**
 * A document at `url` (127.0.0.1 by default, so only the page structure can identify the client). `maxTimerMs` caps
 * the page's timers: for pages where no editor runs, so every wait for an editor's reaction would run to its limit.
 */
export function mailDocument(
  html: string,
  url = 'http://127.0.0.1/webmail/page.html',
  { maxTimerMs = -1 }: { maxTimerMs?: number } = {},
): Document {
  const window = new Window({
    url,
    settings: {
      timer: { maxTimeout: maxTimerMs },
      // The fixtures' own scripts open the reply box when Reply is clicked; they are ours and trusted.
      enableJavaScriptEvaluation: true,
      suppressInsecureJavaScriptEnvironmentWarning: true,
      navigation: {
        disableChildFrameNavigation: true,
        disableChildPageNavigation: true,
        disableMainFrameNavigation: true,
      },
    },
  });
  openWindows.push(window);
  window.document.write(html);
  return window.document as unknown as Document;
}

export function readMailFixture(name: string): string {
  return readFileSync(`${WEBMAIL_DIR}${name}`, 'utf8');
}

export function mailFixture(name: string, url = `http://127.0.0.1/webmail/${name}`): Document {
  return mailDocument(readMailFixture(name), url);
}

/** The document inside a same-origin frame of `doc`. */
export function frameDoc(doc: Document, selector: string): Document {
  const frame = doc.querySelector(selector) as HTMLIFrameElement | null;
  const inner = frame?.contentDocument;
  if (!inner) throw new Error(`no loaded frame for ${selector}`);
  return inner;
}

export async function closeMailWindows(): Promise<void> {
  await Promise.all(openWindows.splice(0).map((window) => window.happyDOM.close()));
}
