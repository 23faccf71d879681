import { hashedStreamIdOf } from '@newsroom/messaging';
import type { Db } from '../tables/recordset';
import type { Item } from './apply-events';
import { recentStoredLinks } from './stored-links.cache';
import type { StreamEvent } from './stream-source';

const streamOf = (e: StreamEvent) => hashedStreamIdOf(e) ?? '?';

/** A delivered event that is not the one the event store holds at its stream and version. */
export class NotInEventStore extends Error {
  constructor(e: StreamEvent, why: string) {
    super(`event ${e.eventId} (${streamOf(e).replace('-', ' ')}, version ${e.version}): ${why}`);
    this.name = 'NotInEventStore';
  }
}

/**
 * How the runner establishes that delivered events were really appended; an item that fails turns
 * unreadable (parked, holding back its article).
 */
export type Provenance = <R, E extends StreamEvent>(db: Db, items: Item<R, E>[]) => Promise<Item<R, E>[]>;

const keyOf = (streamId: string, version: number) => `${streamId}#${version}`;

/**
 * Confirms each delivered event's (article, version, hash, position) against the event store in one
 * round trip, or none when this process confirmed them already for another read model. With the
 * hash already recomputed from the content (kafka-items), this makes the content the stored one: a
 * producer who can write to the topic, and compute a consistent hash, still cannot make a projection
 * apply anything the event store does not hold.
 */
export const confirmedByEventStore: Provenance = async (db, items) => {
  const events = items.flatMap((i) => (i.event ? [i.event] : []));
  const links = await recentStoredLinks(
    db,
    events.map((e) => ({ streamId: streamOf(e), version: e.version })),
  );
  const stored = new Map(links.map((l) => [keyOf(l.streamId, l.version), l]));
  return items.map((item) => {
    const e = item.event;
    if (!e) return item;
    const link = stored.get(keyOf(streamOf(e), e.version));
    const why = !link
      ? 'the event store has no such event'
      : link.hash !== e.hash
        ? 'its hash is not the stored one'
        : link.globalPosition !== e.position
          ? 'its position is not the stored one'
          : null;
    return why
      ? { articleId: item.articleId, event: null, unreadable: new NotInEventStore(e, why), ref: item.ref }
      : item;
  });
};
