import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each consumer group's own article rows and the throughput buckets behind events/s. Frozen: the
 * SQL is written out here, not imported, so no later change to runtime code can alter what this
 * migration did. A change of shape is a new migration.
 */
export class RunnerTables1764300000003 implements MigrationInterface {
  name = 'RunnerTables1764300000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
  CREATE TABLE IF NOT EXISTS audit_trail_article_rows (
    article_id uuid PRIMARY KEY,
    version integer NOT NULL,
    status text NOT NULL,
    row jsonb NOT NULL,
    updated_at timestamptz NOT NULL,
    last_position bigint NOT NULL
  )`);
    await q.query(`
  CREATE TABLE IF NOT EXISTS article_list_article_rows (
    article_id uuid PRIMARY KEY,
    version integer NOT NULL,
    status text NOT NULL,
    row jsonb NOT NULL,
    updated_at timestamptz NOT NULL,
    last_position bigint NOT NULL
  )`);
    await q.query(`
  CREATE TABLE IF NOT EXISTS contributor_index_article_rows (
    article_id uuid PRIMARY KEY,
    version integer NOT NULL,
    status text NOT NULL,
    row jsonb NOT NULL,
    updated_at timestamptz NOT NULL,
    last_position bigint NOT NULL
  )`);
    await q.query(`CREATE TABLE IF NOT EXISTS projection_throughput (
    name text NOT NULL,
    bucket timestamptz NOT NULL,
    events bigint NOT NULL,
    PRIMARY KEY (name, bucket)
  )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'projection_throughput',
      'contributor_index_article_rows',
      'article_list_article_rows',
      'audit_trail_article_rows',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
