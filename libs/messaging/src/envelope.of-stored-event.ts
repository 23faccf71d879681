import type { ArticleEventEnvelope } from '@newsroom/contracts';
import { articleIdOfStream } from '@newsroom/editorial-domain';
import type { StoredEvent } from '@newsroom/event-store';

/** A stored event whose stream is not an article's: there is no article id to key it by. */
export class NotAnArticleStream extends Error {}

/** The public envelope of a stored article event: what the relay publishes and projections read. */
export function envelopeOf(e: StoredEvent): ArticleEventEnvelope {
  const articleId = articleIdOfStream(e.streamId);
  if (!articleId) throw new NotAnArticleStream(`event ${e.eventId} belongs to stream ${e.streamId}, not an article`);
  const { id, name, role } = e.metadata.actor;
  return {
    eventId: e.eventId,
    type: e.type,
    schemaVersion: e.schemaVersion,
    articleId,
    version: e.version,
    position: e.globalPosition,
    occurredAt: e.occurredAt,
    actor: { id, name, role },
    correlationId: e.metadata.correlationId,
    causationId: e.metadata.causationId,
    data: e.data,
    // Whole, as hashed: without every hashed field no consumer could recompute the hash.
    metadata: e.metadata,
    prevHash: e.prevHash,
    hash: e.hash,
  };
}
