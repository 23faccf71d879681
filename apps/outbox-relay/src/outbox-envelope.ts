import type { ArticleEventEnvelope } from '@newsroom/contracts';
import { rowToEvent } from '@newsroom/event-store';

const ARTICLE_STREAM = /^article-(.+)$/;

/** One outbox row joined with its event, as `SELECT o.id, o.created_at, e.*` returns it. */
export interface OutboxRow {
  id: string;
  created_at: Date;
  global_position: string;
  event_id: string;
  stream_id: string;
  version: number;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: Record<string, any>;
  occurred_at: Date;
  prev_hash: string;
  hash: string;
}

/** A row whose stream is not an article's: there is no article id to key it by. */
export class NotAnArticleStream extends Error {}

/** The wire envelope of topic `newsroom.article-events` for one stored event. */
export function toEnvelope(row: OutboxRow): ArticleEventEnvelope {
  const e = rowToEvent(row);
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
