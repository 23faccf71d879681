import { Pool } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';

/** One outbox row joined with its event, as pg returns it (bigints as strings, timestamps as Dates). */
export interface OutboxRow {
  id: string;
  created_at: Date;
  global_position: string;
  event_id: string;
  stream_id: string;
  version: number;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: Record<string, any>;
  occurred_at: Date;
  prev_hash: string;
  hash: string;
}

/**
 * The outbox as its reader sees it: EventStore.append fills it in the events' own transaction, the
 * relay reads and deletes it here, through a small pool of its own.
 */
export class OutboxTable {
  private readonly pool: Pool;

  constructor(url: string, schema: string) {
    this.pool = new Pool({
      connectionString: url,
      max: 3,
      connectionTimeoutMillis: 5000,
      query_timeout: 10_000,
      options: `-c search_path=${schema}`,
      // A fallback: PGAPPNAME, when set, names the process (the chaos campaign cuts only its own sessions).
      fallback_application_name: 'outbox-relay',
    });
    // An idle pooled connection that dies is replaced on the next query; it must not crash the process.
    this.pool.on('error', () => undefined);
  }

  /**
   * The oldest rows still waiting of the stream types given (`<type>-<id>`). Rows are deleted once
   * sent, so a transaction that commits late with a lower id is simply what the next read returns
   * first: no position to skip past. Rows of other types are left where they are, never skipped
   * over by a delete: see `waitingOutside`.
   */
  async oldest(limit: number, streamTypes: readonly string[]): Promise<OutboxRow[]> {
    const { rows } = await this.pool.query(
      `SELECT o.id, o.created_at, e.* FROM outbox o JOIN events e USING (global_position)
       WHERE ${OF_TYPES} ORDER BY o.id LIMIT $1`,
      [limit, streamTypes],
    );
    return rows;
  }

  /** How many rows wait whose stream type is none of `streamTypes`: nobody will send them. */
  async waitingOutside(streamTypes: readonly string[]): Promise<number> {
    const { rows } = await this.pool.query(
      `SELECT count(*)::int AS n FROM outbox o WHERE NOT (${OF_TYPES.replace('$2', '$1')})`,
      [streamTypes],
    );
    return rows[0].n;
  }

  async remove(ids: string[]): Promise<void> {
    await this.pool.query(`DELETE FROM outbox WHERE id = ANY($1::bigint[])`, [ids]);
  }

  async backlog(): Promise<number> {
    const { rows } = await this.pool.query(OUTBOX_BACKLOG);
    return rows[0].n;
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

// `<type>-<id>` with a non-empty id, and a type among the parameter's.
const OF_TYPES = `o.stream_id ~ '^[a-z][a-z0-9]*-.' AND split_part(o.stream_id, '-', 1) = ANY($2::text[])`;

const OUTBOX_BACKLOG = `SELECT count(*)::int AS n FROM outbox`;

/** Rows not yet relayed, through an existing connection (tests, benches). */
export async function outboxBacklog(db: EntityManager | DataSource): Promise<number> {
  const [{ n }] = await db.query(OUTBOX_BACKLOG);
  return n;
}
