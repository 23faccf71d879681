import type { DataSource, EntityManager } from 'typeorm';

/** A generated event, for test and bench histories. */
export interface UnchainedEvent {
  streamId: string;
  version: number;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
  occurredAt: string;
}

/**
 * Loads generated histories fast, for tests and benchmarks only: one multi-row statement in the
 * given order, with a zero hash chain (`verify` reports such streams broken) and no outbox rows.
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
     SELECT gen_random_uuid(), s, v, t, 1, d::jsonb, md::jsonb, o::timestamptz, repeat('0', 64), repeat('0', 64)
     FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[])
       WITH ORDINALITY AS x(s, v, t, d, md, o, i)
     ORDER BY i
     RETURNING global_position`,
    [
      events.map((e) => e.streamId),
      events.map((e) => e.version),
      events.map((e) => e.type),
      events.map((e) => JSON.stringify(e.data)),
      events.map((e) => JSON.stringify(e.metadata)),
      events.map((e) => e.occurredAt),
    ],
  );
  return rows.map((r) => Number(r.global_position));
}
