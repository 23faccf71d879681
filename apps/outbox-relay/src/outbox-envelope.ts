import type { ArticleEventEnvelope } from '@newsroom/contracts';
import { rowToEvent, type OutboxRow } from '@newsroom/event-store';
import { envelopeOf, NotAnArticleStream } from '@newsroom/messaging';

export { NotAnArticleStream };

/** The wire envelope of topic `newsroom.article-events` for one stored event. */
export function toEnvelope(row: OutboxRow): ArticleEventEnvelope {
  return envelopeOf(rowToEvent(row));
}
