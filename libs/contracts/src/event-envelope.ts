import type { ActorView } from './article.view';

/**
 * The stored event's metadata, published whole because the event's hash covers it: the actor, the
 * command that caused the event and any extra audit context. Anything put here is public to every
 * reader of the topic.
 */
export interface ArticleEventMetadata {
  actor: ActorView;
  commandId: string;
  correlationId: string;
  causationId: string;
  [key: string]: unknown;
}

/**
 * The public contract of topic `newsroom.article-events`: one message per stored event,
 * key = articleId, headers `event-type` and `event-id`. `prevHash` and `hash` are the event's link
 * in its article's hash chain: `hash` = SHA-256 of `prevHash`, a newline and the RFC 8785 JSON of
 * { eventId, streamId: "article-" + articleId, version, type, schemaVersion, data, metadata, occurredAt }.
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
  metadata: ArticleEventMetadata;
  /** The hash of the article's previous event; 64 zeros before version 1. */
  prevHash: string;
  hash: string;
}
