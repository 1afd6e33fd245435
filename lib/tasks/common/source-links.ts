/**
 * The link addresses in the material a task read and in the user's own words: the only addresses its output may
 * show as links (lib/render/markdown.ts). An address a page talked the model into writing, such as
 * `https://attacker/?d=<secret>`, is in neither, so it stays text and carries nothing out.
 */

/** Enough for any real page; beyond it, further addresses are shown as text. */
const MAX_LINKS = 2000;
const MAX_LINK_LENGTH = 2048;

/** Web and mail addresses as they appear in text: up to white space or a character no address contains unescaped. */
const ADDRESS = /\b(?:https?:\/\/|mailto:|www\.)[^\s<>"`]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi;
/** Punctuation that may end a sentence rather than the address: each shorter form is kept too. */
const TRAILING_PUNCTUATION = /[.,:;!?'")\]}*_~|]$/;

/** Every address in `texts` as a link target: exact, as written, plus the forms without trailing punctuation. */
export function linksIn(...texts: Array<string | undefined>): string[] {
  const links = new Set<string>();
  for (const text of texts) {
    for (const [address] of (text ?? '').matchAll(ADDRESS)) {
      for (let form = address; form !== ''; form = form.slice(0, -1)) {
        addLink(links, form);
        if (!TRAILING_PUNCTUATION.test(form)) break;
      }
      if (links.size >= MAX_LINKS) return [...links].slice(0, MAX_LINKS);
    }
  }
  return [...links];
}

/** As Markdown links them: `www.` addresses over http, bare mail addresses as mailto. */
function addLink(links: Set<string>, form: string): void {
  if (form.length > MAX_LINK_LENGTH) return;
  if (/^www\./i.test(form)) links.add(`http://${form}`);
  else if (/^(?:https?:\/\/|mailto:)/i.test(form)) links.add(form);
  else if (form.includes('@')) links.add(`mailto:${form}`);
}
