import { escapeIdentifier } from 'pg';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** The function's signature, as grants name it (event-store.privileges.ts). */
export const ERASE_EVENT_FIELDS = 'erase_event_fields(uuid, text[], uuid, timestamptz, text, text)';

const APPEND_ONLY = `
  CREATE OR REPLACE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION 'events are append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
  END $$`;

/**
 * The heavier route of a legal redaction (issue #12, docs/redaction.md): text stored in plaintext
 * before encryption has no key to destroy, so `erase_event_fields` replaces the values at the given
 * paths of one event's `data` with `{"$erased":{redactionId,redactedAt,legalBasis,reference}}`,
 * leaving `hash` and `prev_hash` as recorded. SECURITY DEFINER, owned by the owner: the API may
 * EXECUTE it (grantAppRoles) and still has no UPDATE on `events`. Only text is erased, and only in
 * an event already in the Merkle log (its recorded leaf is what vouches for it afterwards) and
 * already relayed (a consumer would find an erased message failing its hash).
 *
 * The append-only trigger lets exactly that update through: flagged for that event by the function
 * (a transaction-local setting) and changing nothing but `data`. The flag is no privilege: only a
 * role that may UPDATE `events` (the owner) ever reaches the trigger.
 */
export class EraseEventFields1764300001300 implements MigrationInterface {
  name = 'EraseEventFields1764300001300';

  async up(q: QueryRunner): Promise<void> {
    const [{ schema }] = await q.query(`SELECT current_schema() AS schema`);
    await q.query(String.raw`
      CREATE OR REPLACE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          IF current_setting('newsroom.erasing', true) = OLD.event_id::text
             AND (NEW.global_position, NEW.event_id, NEW.stream_id, NEW.version, NEW.type, NEW.schema_version,
                  NEW.metadata, NEW.occurred_at, NEW.prev_hash, NEW.hash)
                 IS NOT DISTINCT FROM
                 (OLD.global_position, OLD.event_id, OLD.stream_id, OLD.version, OLD.type, OLD.schema_version,
                  OLD.metadata, OLD.occurred_at, OLD.prev_hash, OLD.hash) THEN
            RETURN NEW;
          END IF;
        END IF;
        RAISE EXCEPTION 'events are append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(String.raw`
      CREATE FUNCTION erase_event_fields(
        p_event_id uuid, p_paths text[], p_redaction_id uuid, p_redacted_at timestamptz,
        p_legal_basis text, p_reference text
      ) RETURNS integer
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${escapeIdentifier(schema)}, pg_temp AS $$
      DECLARE
        d jsonb;
        at_position bigint;
        marker jsonb;
        p text;
        steps text[];
        v jsonb;
        n integer := 0;
      BEGIN
        IF p_redaction_id IS NULL OR p_redacted_at IS NULL OR p_legal_basis IS NULL OR p_reference IS NULL THEN
          RAISE EXCEPTION 'an erasure names its order: redaction id, date, legal basis and reference'
            USING ERRCODE = 'invalid_parameter_value';
        END IF;
        SELECT e.data, e.global_position INTO d, at_position FROM events e WHERE e.event_id = p_event_id FOR UPDATE;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'event % does not exist', p_event_id USING ERRCODE = 'no_data_found';
        END IF;
        IF NOT EXISTS (SELECT 1 FROM merkle_leaves l WHERE l.global_position = at_position) THEN
          RAISE EXCEPTION 'event % is not in the log yet: nothing would vouch for it once erased', p_event_id
            USING ERRCODE = 'object_not_in_prerequisite_state';
        END IF;
        -- Consumers check each message's hash: sent erased, the event would fail it and be dead-lettered.
        IF EXISTS (SELECT 1 FROM outbox o WHERE o.global_position = at_position) THEN
          RAISE EXCEPTION 'event % is not relayed yet: erase it once it is', p_event_id
            USING ERRCODE = 'object_not_in_prerequisite_state';
        END IF;
        marker := jsonb_build_object('$erased', jsonb_build_object(
          'redactionId', p_redaction_id::text,
          'redactedAt', to_char(p_redacted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'legalBasis', p_legal_basis,
          'reference', p_reference));
        FOREACH p IN ARRAY coalesce(p_paths, '{}') LOOP
          IF p IS NULL OR p !~ '^[A-Za-z_$][A-Za-z0-9_$]*(\[[0-9]+\])*(\.[A-Za-z_$][A-Za-z0-9_$]*(\[[0-9]+\])*)*$' THEN
            RAISE EXCEPTION 'not a field path: %', p USING ERRCODE = 'invalid_parameter_value';
          END IF;
          steps := string_to_array(regexp_replace(p, '\[([0-9]+)\]', '.\1', 'g'), '.');
          v := d #> steps;
          IF v IS NULL THEN
            RAISE EXCEPTION 'event % has no field %', p_event_id, p USING ERRCODE = 'invalid_parameter_value';
          END IF;
          -- Erased already, by this order or an earlier one: the first order keeps it, as with keys.
          CONTINUE WHEN jsonb_typeof(v) = 'object' AND v ? '$erased';
          IF jsonb_typeof(v) <> 'string' THEN
            RAISE EXCEPTION 'field % of event % is not text', p, p_event_id USING ERRCODE = 'invalid_parameter_value';
          END IF;
          d := jsonb_set(d, steps, marker, false);
          n := n + 1;
        END LOOP;
        IF n > 0 THEN
          PERFORM set_config('newsroom.erasing', p_event_id::text, true);
          UPDATE events SET data = d WHERE event_id = p_event_id;
          PERFORM set_config('newsroom.erasing', '', true);
        END IF;
        RETURN n;
      END $$`);
    // Functions are executable by PUBLIC unless revoked; grantAppRoles grants it to the API alone.
    await q.query(`REVOKE ALL ON FUNCTION ${ERASE_EVENT_FIELDS} FROM PUBLIC`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION ${ERASE_EVENT_FIELDS}`);
    await q.query(APPEND_ONLY);
  }
}
