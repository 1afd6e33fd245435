import { fixtureDocument, iframeFixtureDocument, renderShadowStory } from './lib/extract/__tests__/fixture-document';
import { extractPage } from './lib/extract';
const names = process.argv.slice(2);
for (const name of names) {
  let doc;
  if (name === 'iframe-outer.html') doc = iframeFixtureDocument();
  else { doc = fixtureDocument(name); if (name === 'shadow-article.html') renderShadowStory(doc); }
  const before = doc.documentElement.outerHTML;
  const r = extractPage(doc);
  console.log('=====', name, 'unchanged:', before === doc.documentElement.outerHTML);
  if (r.ok) { const { text, ...rest } = r.page; console.log(rest); console.log(text); } else console.log(r.error);
}
