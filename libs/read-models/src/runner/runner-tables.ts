import type { DataSource } from 'typeorm';
import { ReadModelsNotMigrated } from './runner.errors';

const ARTICLE_ROWS = (table: string) => `
  CREATE TABLE IF NOT EXISTS ${table} (
    article_id uuid PRIMARY KEY,
    version integer NOT NULL,
    status text NOT NULL,
    row jsonb NOT NULL,
    updated_at timestamptz NOT NULL,
    last_position bigint NOT NULL
  )`;

/**
 * Tables the runner needs beyond the read-model migration: each consumer group's own copy of the
 * article rows it evolves from, and applied-event counts in 10-second buckets for the events/s metric.
 * Migration 1764300000003 creates them; the schema comes from migrations only.
 */
export const RUNNER_TABLES_DDL: readonly string[] = [
  ARTICLE_ROWS('audit_trail_article_rows'),
  ARTICLE_ROWS('article_list_article_rows'),
  ARTICLE_ROWS('contributor_index_article_rows'),
  `CREATE TABLE IF NOT EXISTS projection_throughput (
    name text NOT NULL,
    bucket timestamptz NOT NULL,
    events bigint NOT NULL,
    PRIMARY KEY (name, bucket)
  )`,
];

const READ_MODEL_TABLES = [
  'article_state',
  'audit_trail',
  'article_list',
  'contributor_index',
  'projection_status',
  'dead_letters',
  'audit_trail_article_rows',
  'article_list_article_rows',
  'contributor_index_article_rows',
  'projection_throughput',
];

/** Refuses to start on a schema the migrations never reached (one round trip, no DDL). */
export async function ensureRunnerTables(ds: DataSource): Promise<void> {
  await ds.transaction(async (m) => {
    const [{ missing }] = await m.query(
      `SELECT array_remove(array_agg(CASE WHEN to_regclass(t) IS NULL THEN t END), NULL) AS missing FROM unnest($1::text[]) AS t`,
      [READ_MODEL_TABLES],
    );
    if (missing.length > 0) {
      throw new ReadModelsNotMigrated(`read-model tables missing (${missing.join(', ')}): run npm run migrate`);
    }
  });
}

/** Advisory-lock key of one read model in this schema: live batches take it shared, the switch exclusive. */
export const READ_MODEL_LOCK = `hashtext(current_schema()), hashtext('projection:' || $1)`;
