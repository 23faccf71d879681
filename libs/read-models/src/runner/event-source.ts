import type { EntityManager } from 'typeorm';
import { ARTICLE_STREAM_PREFIX, articleStreamId } from '@newsroom/editorial-domain';
import { countEvents, readEventsAfter, readEventsBeyond } from '@newsroom/event-store';
import { envelopeOf } from '@newsroom/messaging';
import type { ProjectedEvent } from '../projections/projected-event';
import { articleVersions } from '../tables/article-state.table';
import type { Item } from './apply-events';
import { isArticleId } from './kafka-items';

/**
 * The next page of article events after `afterPosition`, in global order, as the envelopes the
 * outbox relay sends for them.
 */
export async function readEventPage(m: EntityManager, afterPosition: number, limit: number): Promise<ProjectedEvent[]> {
  const events = await readEventsAfter(m, { streamPrefix: ARTICLE_STREAM_PREFIX, afterPosition, limit });
  return events.map(envelopeOf);
}

/**
 * Every stored event newer than the version of its article in `rowsTable`, in per-article order.
 * By version rather than position: a transaction that committed late with a lower position than
 * events already read is found here too. Articles held back reappear each time, harmlessly.
 */
export async function readEventsAhead(m: EntityManager, rowsTable: string): Promise<ProjectedEvent[]> {
  const versions = await articleVersions(m, rowsTable);
  const known = new Map([...versions].map(([articleId, version]) => [articleStreamId(articleId), version]));
  const events = await readEventsBeyond(m, ARTICLE_STREAM_PREFIX, known);
  return events.map(envelopeOf);
}

export function countArticleEvents(m: EntityManager): Promise<number> {
  return countEvents(m, ARTICLE_STREAM_PREFIX);
}

/** Stored events as runner items; a stream named without a UUID can only be parked. */
export function storedItems(events: ProjectedEvent[]): Item<null>[] {
  return events.map((e) =>
    isArticleId(e.articleId)
      ? { articleId: e.articleId, event: e, ref: null }
      : {
          articleId: null,
          event: null,
          unreadable: new Error(`stream ${articleStreamId(e.articleId)} has no UUID`),
          ref: null,
        },
  );
}
