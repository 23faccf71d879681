import type { ActorView } from './article.view';

/**
 * The public contract of topic `newsroom.article-events`: one message per stored event,
 * key = articleId, headers `event-type` and `event-id`.
 */
export interface ArticleEventEnvelope {
  eventId: string;
  type: string;
  schemaVersion: number;
  articleId: string;
  version: number;
  position: number;
  occurredAt: string;
  actor: ActorView;
  correlationId: string;
  causationId: string;
  data: unknown;
}
