import { storedLinks, type StoredLink } from '@newsroom/event-store';
import type { Db } from '../tables/recordset';

type Key = { streamId: string; version: number };
const keyOf = (streamId: string, version: number) => `${streamId}#${version}`;

/** Links kept per database: enough for every read model of a process to meet a batch's events again. */
export const STORED_LINKS_KEPT = 50_000;

/**
 * The stored links (hash, position) of events recently confirmed, per database, shared by the
 * consumers of one process. Each read model confirms every event it is delivered; the five that
 * follow articles in one process asked the event store the same question five times. Stored
 * events never change, so an answer stays true; a link the store did not have is never kept.
 */
class StoredLinksCache {
  private readonly links = new Map<string, StoredLink>();

  async fetch(db: Db, keys: readonly Key[]): Promise<StoredLink[]> {
    const found: StoredLink[] = [];
    const missing: Key[] = [];
    for (const k of keys) {
      const link = this.links.get(keyOf(k.streamId, k.version));
      if (link) found.push(link);
      else missing.push(k);
    }
    if (missing.length === 0) return found;
    const fetched = await storedLinks(db, missing);
    for (const link of fetched) {
      this.links.set(keyOf(link.streamId, link.version), link);
      if (this.links.size > STORED_LINKS_KEPT) this.links.delete(this.links.keys().next().value!);
    }
    return [...found, ...fetched];
  }
}

const byDatabase = new WeakMap<object, StoredLinksCache>();

/** `storedLinks`, answered from this process's recent confirmations where it can. */
export function recentStoredLinks(db: Db, keys: readonly Key[]): Promise<StoredLink[]> {
  let cache = byDatabase.get(db);
  if (!cache) byDatabase.set(db, (cache = new StoredLinksCache()));
  return cache.fetch(db, keys);
}
