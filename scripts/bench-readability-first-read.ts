/**
 * Plain Readability's first read, injected by the cold bench into a fresh tab beside Tacit's (scripts/bench-injected.ts):
 * what parsing, compiling and running an article extractor costs the first time on the same page, in the same run.
 */
import { Readability } from '@mozilla/readability';

export const textLength = new Readability(document.cloneNode(true) as Document).parse()?.textContent?.length ?? 0;
