/** What "Summarize this page" reads: on a webmail client the open conversation, anywhere else the page's main text. */
import { extractPage } from '../extract/extract-page';
import type { PageRead } from '../types';
import { adapterFor } from './detect';

export function readPageOrThread(doc: Document): PageRead {
  const adapter = adapterFor(doc);
  if (adapter.client !== 'generic') {
    try {
      const read = adapter.readThread(doc, extractPage);
      if (read.ok) return { ok: true, thread: read.thread, url: doc.URL };
    } catch {
      // A client page the adapter does not understand is read like any other page.
    }
  }
  return extractPage(doc);
}
