import type { ArticleEventEnvelope } from '@newsroom/contracts';
import { rowToEvent } from '@newsroom/event-store';
import { envelopeOf, NotAnArticleStream } from '@newsroom/messaging';

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

export { NotAnArticleStream };

/** The wire envelope of topic `newsroom.article-events` for one stored event. */
export function toEnvelope(row: OutboxRow): ArticleEventEnvelope {
  return envelopeOf(rowToEvent(row));
}
