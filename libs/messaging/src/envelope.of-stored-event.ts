import type { ArticleEventEnvelope } from '@newsroom/contracts';
import type { StoredEvent } from '@newsroom/event-store';

const ARTICLE_STREAM = /^article-(.+)$/;

/** A stored event whose stream is not an article's: there is no article id to key it by. */
export class NotAnArticleStream extends Error {}

/** The public envelope of a stored article event: what the relay publishes and projections read. */
export function envelopeOf(e: StoredEvent): ArticleEventEnvelope {
  const match = ARTICLE_STREAM.exec(e.streamId);
  if (!match) throw new NotAnArticleStream(`event ${e.eventId} belongs to stream ${e.streamId}, not an article`);
  const { id, name, role } = e.metadata.actor;
  return {
    eventId: e.eventId,
    type: e.type,
    schemaVersion: e.schemaVersion,
    articleId: match[1],
    version: e.version,
    position: e.globalPosition,
    occurredAt: e.occurredAt,
    // Only the actor's public fields go on the wire, whatever else metadata may carry later.
    actor: { id, name, role },
    correlationId: e.metadata.correlationId,
    causationId: e.metadata.causationId,
    data: e.data,
  };
}
