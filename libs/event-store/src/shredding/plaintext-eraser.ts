import type { EntityManager } from 'typeorm';
import { decodeErasedField, type RedactableFields } from './erased-field';
import type { RedactionNotice } from './field-envelope';
import { fieldsIn } from './field-paths';

/**
 * A field of a stored event, by reference: as FieldCodec.locate lists them (`changes.body[3].text`).
 * `eventId` is optional only because locate accepts events without one; erasing needs it.
 */
export interface StoredFieldRef {
  eventId: string | undefined;
  path: string;
}

/** A field the heavier route refuses to erase; names the event and path, never the content. */
export class FieldNotErasable extends Error {
  constructor(
    readonly eventId: string,
    readonly path: string,
    why: string,
  ) {
    super(`Field ${path} of event ${eventId} cannot be erased: ${why}`);
  }
}

interface EventRow {
  event_id: string;
  type: string;
  data: unknown;
  logged: boolean;
  unrelayed: boolean;
}

/**
 * The heavier route of a redaction (issue #12, docs/redaction.md): replaces the plaintext values at
 * `refs` (FieldCodec.locate's `plaintext` list) with `{"$erased": order}` in the stored events, in
 * the caller's transaction (the redaction's, so the erasure and its record commit together), through
 * the owner's `erase_event_fields` (the API has no UPDATE on `events`). Every path is checked first
 * against the event type's redactable fields, since an erased value anywhere else fails verification
 * for good; a value already erased is left to the order that erased it. Answers how many values this
 * call erased. Throws FieldNotErasable for an unknown event, a path that is not a redactable text
 * of its event, an event not yet in the Merkle log (nothing would vouch for it) or not yet relayed
 * (consumers would receive it erased, failing its hash): both are only minutes behind an append.
 */
export async function erasePlaintextFields(
  manager: EntityManager,
  refs: readonly StoredFieldRef[],
  order: RedactionNotice,
  redactableFields: RedactableFields,
): Promise<number> {
  const byEvent = new Map<string, string[]>();
  for (const { eventId, path } of refs) {
    if (!eventId) throw new FieldNotErasable('(none)', path, 'no event id: locate was given events without theirs');
    byEvent.set(eventId, [...new Set([...(byEvent.get(eventId) ?? []), path])]);
  }
  if (byEvent.size === 0) return 0;
  const rows: EventRow[] = await manager.query(
    `SELECT e.event_id, e.type, e.data,
            EXISTS (SELECT 1 FROM merkle_leaves l WHERE l.global_position = e.global_position) AS logged,
            EXISTS (SELECT 1 FROM outbox o WHERE o.global_position = e.global_position) AS unrelayed
     FROM events e WHERE e.event_id = ANY($1::uuid[])`,
    [[...byEvent.keys()]],
  );
  const found = new Map(rows.map((r) => [r.event_id, r]));
  for (const [eventId, paths] of byEvent) {
    const e = found.get(eventId);
    const refuse = (path: string, why: string) => new FieldNotErasable(eventId, path, why);
    if (!e) throw refuse(paths[0], 'no such event');
    if (!e.logged) throw refuse(paths[0], 'the event is not in the log yet');
    // Consumers check each message's hash: sent erased, the event would fail it and be dead-lettered.
    if (e.unrelayed) throw refuse(paths[0], 'the event is not relayed yet');
    const fields = new Map(fieldsIn(e.data, redactableFields(e.type)).map((f) => [f.path, f.value]));
    for (const path of paths) {
      if (!fields.has(path)) throw refuse(path, `not a redactable field of ${e.type}`);
      const value = fields.get(path);
      if (typeof value !== 'string' && !isErased(value)) throw refuse(path, 'not plaintext');
    }
  }
  let erased = 0;
  for (const [eventId, paths] of byEvent) {
    const [{ n }] = await manager.query(`SELECT erase_event_fields($1, $2::text[], $3, $4, $5, $6) AS n`, [
      eventId,
      paths,
      order.redactionId,
      order.redactedAt,
      order.legalBasis,
      order.reference,
    ]);
    erased += n;
  }
  return erased;
}

function isErased(value: unknown): boolean {
  try {
    return decodeErasedField(value) !== undefined;
  } catch {
    return false;
  }
}

/** erasePlaintextFields with the redactable fields bound (the domain's), for injection. */
export class PlaintextEraser {
  constructor(private readonly redactableFields: RedactableFields) {}

  erase(manager: EntityManager, refs: readonly StoredFieldRef[], order: RedactionNotice): Promise<number> {
    return erasePlaintextFields(manager, refs, order, this.redactableFields);
  }
}
