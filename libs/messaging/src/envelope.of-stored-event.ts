import type { ArticleEventEnvelope, EnvelopeFields, EventEnvelope } from '@newsroom/contracts';
import { parseStreamId, type StoredEvent } from '@newsroom/event-store';

/** A stored event whose stream is not named `<type>-<id>`: there is no type to route it by, no id to key it by. */
export class UnnamedStream extends Error {}

/**
 * The public envelope of a stored event of any aggregate: what the relay publishes and projections
 * read. The stream's id is copied under `<streamType>Id` (articleId, contributionId), so the article
 * contract keeps its `articleId`. `Envelope` is the caller's statement of which streams it reads
 * (article streams unless it says otherwise); the value is built the same for all.
 */
export function envelopeOf<Envelope extends EnvelopeFields = ArticleEventEnvelope>(e: StoredEvent): Envelope {
  const name = parseStreamId(e.streamId);
  if (!name) throw new UnnamedStream(`event ${e.eventId} belongs to stream ${e.streamId}, not named <type>-<id>`);
  const { id, name: actorName, role } = e.metadata.actor;
  const envelope: EventEnvelope & Record<string, unknown> = {
    eventId: e.eventId,
    type: e.type,
    schemaVersion: e.schemaVersion,
    streamType: name.streamType,
    streamId: e.streamId,
    [`${name.streamType}Id`]: name.id,
    version: e.version,
    position: e.globalPosition,
    occurredAt: e.occurredAt,
    actor: { id, name: actorName, role },
    correlationId: e.metadata.correlationId,
    causationId: e.metadata.causationId,
    data: e.data,
    // Whole, as hashed: without every hashed field no consumer could recompute the hash.
    metadata: e.metadata,
    prevHash: e.prevHash,
    hash: e.hash,
  };
  return envelope as unknown as Envelope;
}

/** The stream an envelope's hash covers: `streamId`, or for article messages older than it, `article-<articleId>`. */
export function hashedStreamIdOf(e: EnvelopeFields & { streamId?: string; articleId?: string }): string | undefined {
  return e.streamId ?? (typeof e.articleId === 'string' ? `article-${e.articleId}` : undefined);
}
