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

/** What every published event carries, whatever its aggregate. */
export interface EnvelopeFields {
  eventId: string;
  type: string;
  schemaVersion: number;
  version: number;
  position: number;
  occurredAt: string;
  actor: ActorView;
  correlationId: string;
  causationId: string;
  data: unknown;
  metadata: ArticleEventMetadata;
  /** The hash of the stream's previous event; 64 zeros before version 1. */
  prevHash: string;
  hash: string;
}

/**
 * Any stored event as published, for code that serves every aggregate (relay, codec, hash check):
 * `streamType` is the stream name up to its first hyphen, `streamId` the whole name, and the
 * stream's id is also copied under its aggregate's own name, `<streamType>Id` (articleId,
 * contributionId). `version` is the stream's own sequence.
 */
export interface EventEnvelope extends EnvelopeFields {
  streamType: string;
  streamId: string;
}

/**
 * The public contract of topic `newsroom.article-events`: one message per stored event,
 * key = articleId, headers `event-type` and `event-id`. `prevHash` and `hash` are the event's link
 * in its article's hash chain: `hash` = SHA-256 of `prevHash`, a newline and the RFC 8785 JSON of
 * { eventId, streamId: "article-" + articleId, version, type, schemaVersion, data, metadata, occurredAt }.
 * `streamType` ("article") and `streamId` were added later: messages published before lack them.
 */
export interface ArticleEventEnvelope extends EnvelopeFields {
  articleId: string;
  streamType?: 'article';
  streamId?: string;
}

/**
 * The contract of topic `newsroom.contribution-events`: the events of contribution streams,
 * key = contributionId, hashed like an article's with `streamId` = "contribution-" + contributionId.
 */
export interface ContributionEventEnvelope extends EnvelopeFields {
  streamType: 'contribution';
  streamId: string;
  contributionId: string;
}
