import type { EntityManager } from 'typeorm';
import { countEvents, readEventsAfter, readEventsBeyond, readStreamBefore } from '@newsroom/event-store';
import type { ProjectedEvent } from '../projections/projected-event';
import { articleVersions } from '../tables/article-state.table';
import type { Item } from './apply-events';
import { isArticleId } from './kafka-items';
import { articleSource, type FieldRef, type StreamEvent, type StreamSource } from './stream-source';

/** A page of stored events made ready to project (decrypted, issue #12): the same events, in order. */
export type OpenEvents = (events: StreamEvent[]) => Promise<StreamEvent[]>;

/**
 * The next page of events of the source's streams (articles unless told) after `afterPosition`,
 * in global order, as the envelopes the outbox relay sends for them.
 */
export async function readEventPage<E extends StreamEvent = ProjectedEvent>(
  m: EntityManager,
  afterPosition: number,
  limit: number,
  source: StreamSource<any, E> = articleSource as unknown as StreamSource<any, E>,
): Promise<E[]> {
  const events = await readEventsAfter(m, { streamPrefix: source.streamPrefix, afterPosition, limit });
  return events.map((e) => source.envelopeOf(e));
}

/**
 * Every stored event newer than the version of its stream in `rowsTable`, in per-stream order.
 * By version rather than position: a transaction that committed late with a lower position than
 * events already read is found here too. Streams held back reappear each time, harmlessly.
 */
export async function readEventsAhead(
  m: EntityManager,
  rowsTable: string,
  source: StreamSource,
): Promise<StreamEvent[]> {
  const versions = await articleVersions(m, rowsTable, undefined, source.keyColumn);
  const known = new Map([...versions].map(([id, version]) => [`${source.streamPrefix}${id}`, version]));
  const events = await readEventsBeyond(m, source.streamPrefix, known);
  return events.map((e) => source.envelopeOf(e));
}

export function countSourceEvents(m: EntityManager, source: StreamSource): Promise<number> {
  return countEvents(m, source.streamPrefix);
}

/** Stored events as runner items; a stream named without a UUID can only be parked. */
export function storedItems(events: StreamEvent[], source: StreamSource = articleSource): Item<null, StreamEvent>[] {
  return events.map((e) => {
    const id = source.keyOf(e);
    return isArticleId(id)
      ? { articleId: id, event: e, ref: null }
      : {
          articleId: null,
          event: null,
          unreadable: new Error(`stream ${source.streamPrefix}${id} has no UUID`),
          ref: null,
        };
  });
}

/**
 * The stored events of one stream before `beforeVersion`, in version order, opened as a rebuild
 * would open them now: what the runner derives a stream from again after a redaction (issue #12).
 * `redacted` names the fields the redaction made unreadable, for a reader that caches their keys.
 */
export type StreamHistory = (
  m: EntityManager,
  source: StreamSource,
  streamId: string,
  beforeVersion: number,
  redacted: readonly FieldRef[],
) => Promise<StreamEvent[]>;

/** A StreamHistory that reads the store and opens each page with `openEvents` (as stored by default). */
export function storedHistory(openEvents: OpenEvents = async (events) => events): StreamHistory {
  return async (m, source, streamId, beforeVersion) =>
    openEvents(await readStoredStream(m, source, streamId, beforeVersion));
}

/** The stored events of one stream before `beforeVersion`, as the envelopes the relay sends. */
export async function readStoredStream(
  m: EntityManager,
  source: StreamSource,
  streamId: string,
  beforeVersion: number,
): Promise<StreamEvent[]> {
  const events = await readStreamBefore(m, `${source.streamPrefix}${streamId}`, beforeVersion);
  return events.map((e) => source.envelopeOf(e));
}
