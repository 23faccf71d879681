import {
  decodeFieldEnvelope,
  FieldDecryptionFailed,
  FieldKeyMissing,
  MalformedFieldEnvelope,
  type FieldCodec,
} from '@newsroom/event-store';
import { readStoredStream, type StreamHistory } from './event-source';
import type { Db } from '../tables/recordset';
import type { Item } from './apply-events';
import { confirmedByEventStore, type Provenance } from './provenance';
import type { FieldRef, StreamEvent } from './stream-source';

/** What one event's content can be wrong with; anything else (the database, the master key) stops the batch. */
const isEventsOwnFault = (err: unknown) =>
  err instanceof FieldKeyMissing || err instanceof FieldDecryptionFailed || err instanceof MalformedFieldEnvelope;

/**
 * Provenance for a projector that reads encrypted fields (issue #12): `confirm` first (against the
 * event store, on the ciphertext the hash covers), then the confirmed events' fields opened with one
 * key store round trip per batch; a field whose key was destroyed reads as the redaction marker. An
 * event that cannot be opened turns unreadable and is parked, holding back its article, as a message
 * that cannot be read is; a key store that cannot be reached fails the batch, to be retried.
 */
export function decryptingProvenance(codec: FieldCodec, confirm: Provenance = confirmedByEventStore): Provenance {
  return async <R, E extends StreamEvent>(db: Db, items: Item<R, E>[]): Promise<Item<R, E>[]> => {
    const confirmed = await confirm(db, items);
    const events = confirmed.flatMap((i) => (i.event ? [i.event] : []));
    try {
      const opened = await codec.decrypt(events);
      const openedOf = new Map(events.map((e, i) => [e, opened[i]]));
      return confirmed.map((i) => (i.event ? { ...i, event: openedOf.get(i.event)! } : i));
    } catch (err) {
      if (!isEventsOwnFault(err)) throw err;
      // Some event of the batch cannot be opened: one by one, to park only that one (rare, so slow is fine).
      return Promise.all(confirmed.map((i) => openAlone<R, E>(codec, i)));
    }
  };
}

async function openAlone<R, E extends StreamEvent>(codec: FieldCodec, item: Item<R, E>): Promise<Item<R, E>> {
  if (!item.event) return item;
  try {
    const [event] = await codec.decrypt([item.event]);
    return { ...item, event };
  } catch (err) {
    if (!isEventsOwnFault(err)) throw err;
    return { articleId: item.articleId, event: null, unreadable: err as Error, ref: item.ref };
  }
}

/**
 * The history a projector derives a stream from again on a redaction (issue #12): the stream's
 * stored events, opened now. The keys the redaction destroyed are dropped from this process's cache
 * first (`forget`): the cache may still hold them (a redaction is made by another process), and
 * opening with them would put back exactly the text the redaction removed.
 */
export function openedHistory(codec: FieldCodec): StreamHistory {
  return async (m, source, streamId, beforeVersion, redacted) => {
    const stored = await readStoredStream(m, source, streamId, beforeVersion);
    codec.forget(kidsAt(stored, redacted));
    return codec.decrypt(stored);
  };
}

/** The field keys that the referenced fields of these stored events were sealed under. */
export function kidsAt(stored: readonly StreamEvent[], refs: readonly FieldRef[]): string[] {
  const byId = new Map(stored.map((e) => [e.eventId, e]));
  return refs.flatMap((ref) => {
    const event = byId.get(ref.eventId);
    const kid = event ? decodeFieldEnvelope(valueAt(event.data, ref.path))?.kid : undefined;
    return kid ? [kid] : [];
  });
}

/** The value at a concrete path such as `changes.body[3].text`; undefined where there is none. */
function valueAt(data: unknown, path: string): unknown {
  let at: unknown = data;
  for (const [, key, index] of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (at === null || typeof at !== 'object') return undefined;
    at =
      index !== undefined ? (Array.isArray(at) ? at[Number(index)] : undefined) : (at as Record<string, unknown>)[key];
  }
  return at;
}
