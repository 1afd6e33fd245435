/** The parts of a page's address that page code reads. */

/** The path segments of an address, decoded ("/mail/inbox/id/AAQk%3D" → ["mail", "inbox", "id", "AAQk="]). */
export function pathSegmentsOf(url: string): string[] {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return [];
  }
  return path
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment; // not valid percent-encoding: as the address writes it
      }
    });
}
