/** Which queued request runs next: the client served least recently goes first (never served before any), FIFO within it. */

export interface Pending {
  clientId: string;
  requestId: string;
  /** Arrival order across all clients; smaller arrived earlier. */
  arrival: number;
}

/**
 * Returns the index in `queued` of the request to start next, or undefined when `queued` is empty.
 * `lastServed` maps a client to the clock of its last start; a client missing from it has never been served.
 * Ties (e.g. two never-served clients) go to the client whose oldest request arrived first.
 */
export function nextPick(queued: readonly Pending[], lastServed: ReadonlyMap<string, number>): number | undefined {
  let best: { index: number; served: number; arrival: number } | undefined;
  const seenClients = new Set<string>();
  queued.forEach((entry, index) => {
    // Only each client's oldest request competes: FIFO within a client.
    if (seenClients.has(entry.clientId)) return;
    seenClients.add(entry.clientId);
    const served = lastServed.get(entry.clientId) ?? -Infinity;
    if (!best || served < best.served || (served === best.served && entry.arrival < best.arrival)) {
      best = { index, served, arrival: entry.arrival };
    }
  });
  return best?.index;
}
