/**
 * Readability's own file, without the package's index, which also loads `isProbablyReaderable` (a check the reader
 * does not use): the reader script is 812 bytes shorter, parsed in every tab a page is read in.
 */
declare module '@mozilla/readability/Readability.js' {
  import type { Readability as ReadabilityClass } from '@mozilla/readability';

  const Readability: typeof ReadabilityClass;
  export default Readability;
}
