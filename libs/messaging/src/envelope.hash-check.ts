import type { ArticleEventEnvelope } from '@newsroom/contracts';
import { articleStreamId } from '@newsroom/editorial-domain';
import { canonicalJson, eventHash } from '@newsroom/event-store';

/** The envelope's content does not hash to its `hash`, or its top-level copies disagree with what was hashed. */
export class TamperedEnvelope extends Error {
  constructor(e: ArticleEventEnvelope, why: string) {
    super(`event ${e.eventId} (article ${e.articleId}, version ${e.version}): ${why}`);
    this.name = 'TamperedEnvelope';
  }
}

/**
 * Recomputes the event's hash from the envelope (the event store's own formula) and checks that the
 * fields copied out of the metadata for convenience (`actor`, `correlationId`, `causationId`) are
 * the hashed ones. Proves the content matches its hash, not that the event was ever stored: anyone
 * can compute a consistent hash, so the projector also confirms the hash against the event store.
 */
export function verifyEnvelopeHash(e: ArticleEventEnvelope): void {
  const hashed = { ...e, streamId: articleStreamId(e.articleId) };
  if (eventHash(e.prevHash, hashed) !== e.hash) throw new TamperedEnvelope(e, 'content does not match its hash');
  const m = e.metadata;
  const copies: Array<[string, unknown, unknown]> = [
    ['actor', e.actor, m.actor && { id: m.actor.id, name: m.actor.name, role: m.actor.role }],
    ['correlationId', e.correlationId, m.correlationId],
    ['causationId', e.causationId, m.causationId],
  ];
  for (const [field, top, inMetadata] of copies) {
    if (canonicalJson(top) !== canonicalJson(inMetadata))
      throw new TamperedEnvelope(e, `${field} is not the hashed one`);
  }
}
