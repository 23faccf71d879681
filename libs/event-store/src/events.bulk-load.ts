import type { DataSource, EntityManager } from 'typeorm';

/** A generated event, for test and bench histories. */
export interface UnchainedEvent {
  streamId: string;
  version: number;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
  occurredAt: string;
  /** A real link in the stream's hash chain, computed by the caller; without it, a zero chain. */
  chain?: { eventId: string; prevHash: string; hash: string };
}

/**
 * Loads generated histories fast, for tests and benchmarks only: one multi-row statement in the
 * given order, with a zero hash chain (`verify` reports such streams broken) unless each event
 * brings its `chain`, and no outbox rows.
 * Returns the global positions.
 */
export async function loadUnchainedEvents(
  db: EntityManager | DataSource,
  events: readonly UnchainedEvent[],
): Promise<number[]> {
  if (events.length === 0) return [];
  const rows: Array<{ global_position: string }> = await db.query(
    `INSERT INTO events (event_id, stream_id, version, type, schema_version, data, metadata, occurred_at,
       prev_hash, hash)
     SELECT COALESCE(id::uuid, gen_random_uuid()), s, v, t, 1, d::jsonb, md::jsonb, o::timestamptz,
       COALESCE(ph, repeat('0', 64)), COALESCE(h, repeat('0', 64))
     FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
       $9::text[]) WITH ORDINALITY AS x(s, v, t, d, md, o, id, ph, h, i)
     ORDER BY i
     RETURNING global_position`,
    [
      events.map((e) => e.streamId),
      events.map((e) => e.version),
      events.map((e) => e.type),
      events.map((e) => JSON.stringify(e.data)),
      events.map((e) => JSON.stringify(e.metadata)),
      events.map((e) => e.occurredAt),
      events.map((e) => e.chain?.eventId ?? null),
      events.map((e) => e.chain?.prevHash ?? null),
      events.map((e) => e.chain?.hash ?? null),
    ],
  );
  return rows.map((r) => Number(r.global_position));
}
