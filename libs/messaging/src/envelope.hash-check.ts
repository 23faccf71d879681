import type { EnvelopeFields } from '@newsroom/contracts';
import { canonicalJson, eventHash, parseStreamId } from '@newsroom/event-store';
import { hashedStreamIdOf } from './envelope.of-stored-event';

type AnyEnvelope = EnvelopeFields & { streamId?: string; streamType?: string; articleId?: string };

/** The envelope's content does not hash to its `hash`, or its top-level copies disagree with what was hashed. */
export class TamperedEnvelope extends Error {
  constructor(e: AnyEnvelope, why: string) {
    super(`event ${e.eventId} (stream ${hashedStreamIdOf(e) ?? '?'}, version ${e.version}): ${why}`);
    this.name = 'TamperedEnvelope';
  }
}

/**
 * Recomputes the event's hash from the envelope (the event store's own formula) and checks that the
 * fields copied for convenience (`actor`, `correlationId`, `causationId` out of the metadata;
 * `streamType` and `<streamType>Id` out of the stream id) are the hashed ones. Proves the content
 * matches its hash, not that the event was ever stored: anyone can compute a consistent hash, so
 * the projector also confirms the hash against the event store.
 */
export function verifyEnvelopeHash(e: AnyEnvelope): void {
  const streamId = hashedStreamIdOf(e);
  const name = streamId === undefined ? undefined : parseStreamId(streamId);
  if (!streamId || !name) throw new TamperedEnvelope(e, 'names no stream');
  if (eventHash(e.prevHash, { ...e, streamId }) !== e.hash)
    throw new TamperedEnvelope(e, 'content does not match its hash');
  const m = e.metadata;
  const copies: Array<[string, unknown, unknown]> = [
    ['actor', e.actor, m.actor && { id: m.actor.id, name: m.actor.name, role: m.actor.role }],
    ['correlationId', e.correlationId, m.correlationId],
    ['causationId', e.causationId, m.causationId],
    ['streamType', e.streamType ?? name.streamType, name.streamType],
    [`${name.streamType}Id`, (e as unknown as Record<string, unknown>)[`${name.streamType}Id`], name.id],
  ];
  for (const [field, top, hashed] of copies) {
    if (canonicalJson(top) !== canonicalJson(hashed)) throw new TamperedEnvelope(e, `${field} is not the hashed one`);
  }
}
