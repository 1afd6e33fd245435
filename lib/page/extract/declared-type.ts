/**
 * Whether a page says it is one item (an article, a product, a recipe, an event…) in its Open Graph type or its
 * structured data (JSON-LD). Such a page is never read as a listing, however many teasers surround a short item; a
 * page that says nothing, or says it is a website, a collection or search results, may be.
 */

/** Open Graph types of one item ("website" is the type of a site's pages in general). */
const ONE_ITEM_OG_TYPE = /^(?:article|product|book|profile|video\.|music\.|recipe|event|place|business\.)/i;

/** Schema.org types of one item, as a page's top-level entity. */
const ONE_ITEM_SCHEMA_TYPE =
  /^(?:\w*Article|BlogPosting|LiveBlogPosting|SocialMediaPosting|DiscussionForumPosting|Report|Product|ProductGroup|IndividualProduct|Recipe|\w*Event|JobPosting|Review|CriticReview|QAPage|FAQPage|ProfilePage|ItemPage|HowTo|Course|Book|Movie|TVEpisode|MusicRecording|PodcastEpisode|VideoObject|Dataset|SoftwareApplication)$/;

/** Enough for any real page's structured data; a page that puts more there is not read further. */
const MAX_JSON_LD_SCRIPTS = 20;
const MAX_JSON_LD_CHARS = 200_000;

export function declaresOneItem(doc: Document): boolean {
  const ogType = doc.querySelector('meta[property="og:type" i], meta[name="og:type" i]')?.getAttribute('content');
  if (ogType && ONE_ITEM_OG_TYPE.test(ogType.trim())) return true;
  const scripts = doc.querySelectorAll('script[type="application/ld+json" i]');
  for (let index = 0; index < scripts.length && index < MAX_JSON_LD_SCRIPTS; index++) {
    const source = scripts[index]!.textContent ?? '';
    if (source.length > MAX_JSON_LD_CHARS) continue;
    let data: unknown;
    try {
      data = JSON.parse(source);
    } catch {
      continue; // a page's broken structured data says nothing
    }
    if (topLevelEntities(data).some(isOneItem)) return true;
  }
  return false;
}

/** The entities a JSON-LD block declares at its top: the block, the members of an array or an `@graph`. */
function topLevelEntities(data: unknown): unknown[] {
  const entities = Array.isArray(data) ? data : [data];
  return entities.flatMap((entity) =>
    isRecord(entity) && Array.isArray(entity['@graph']) ? [entity, ...entity['@graph']] : [entity],
  );
}

/** An entity of an item's type, or a page whose main entity is one. */
function isOneItem(entity: unknown): boolean {
  if (!isRecord(entity)) return false;
  if (typesOf(entity).some((type) => ONE_ITEM_SCHEMA_TYPE.test(type))) return true;
  const main = entity['mainEntity'];
  return isRecord(main) && typesOf(main).some((type) => ONE_ITEM_SCHEMA_TYPE.test(type));
}

function typesOf(entity: Record<string, unknown>): string[] {
  const type = entity['@type'];
  const types = Array.isArray(type) ? type : [type];
  // "http://schema.org/NewsArticle" and "schema:NewsArticle" are "NewsArticle".
  return types
    .filter((value): value is string => typeof value === 'string')
    .map((value) => value.replace(/^.*[/:]/, ''));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
