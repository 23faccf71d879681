import type { ArticleEventEnvelope } from '@newsroom/contracts';
import type { StoredEvent } from '@newsroom/event-store';

const STREAM_PREFIX = 'article-';

/** The public envelope of a stored article event: what the relay publishes and projections read. */
export function envelopeOf(e: StoredEvent): ArticleEventEnvelope {
  return {
    eventId: e.eventId,
    type: e.type,
    schemaVersion: e.schemaVersion,
    articleId: e.streamId.startsWith(STREAM_PREFIX) ? e.streamId.slice(STREAM_PREFIX.length) : e.streamId,
    version: e.version,
    position: e.globalPosition,
    occurredAt: e.occurredAt,
    actor: { id: e.metadata.actor.id, name: e.metadata.actor.name, role: e.metadata.actor.role },
    correlationId: e.metadata.correlationId,
    causationId: e.metadata.causationId,
    data: e.data,
  };
}
