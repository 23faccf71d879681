import type { ArticleEventEnvelope } from '@newsroom/contracts';
import { isArticleEventType, type ArticleEvent } from '@newsroom/editorial-domain';
import { UnprojectableEvent } from './projection.errors';

/** One message of topic `newsroom.article-events` as a projection receives it: the public envelope. */
export type ProjectedEvent = ArticleEventEnvelope;
export type ProjectedActor = ArticleEventEnvelope['actor'];

/** Every article event type is still at its first schema; a newer one needs an upcaster first. */
export const SUPPORTED_SCHEMA_VERSION = 1;

/**
 * The domain event inside an envelope. Throws UnprojectableEvent for a type or schema version this
 * build does not know, so the runner dead-letters it instead of guessing.
 */
export function toArticleEvent(e: ProjectedEvent): ArticleEvent {
  if (!isArticleEventType(e.type)) throw new UnprojectableEvent(e, `unknown event type ${e.type}`);
  if (e.schemaVersion !== SUPPORTED_SCHEMA_VERSION) {
    throw new UnprojectableEvent(e, `unsupported schema version ${e.schemaVersion} of ${e.type}`);
  }
  if (typeof e.data !== 'object' || e.data === null || Array.isArray(e.data)) {
    throw new UnprojectableEvent(e, `data of ${e.type} is not an object`);
  }
  // The event store only holds what decide emitted, so a known type at a known schema has its shape.
  return { type: e.type, data: e.data } as ArticleEvent;
}
