import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #14, long streams: the article row (the shape time travel answers) every so many versions,
 * so that `versions/:n` and `asOf` fold only from the nearest snapshot. Derived and never a source
 * of truth: each row names the hash of the event at its version (checked against the stream before
 * use), the fold that made it (a snapshot of another fold is ignored), and the latest instant among
 * the events it folds (usable for `asOf` only at or after it). Emptying the table loses nothing; the
 * API writes the rows again as it folds. `json`, not `jsonb`, keeps the row's keys in their order.
 * Frozen SQL, like every migration.
 */
export class ArticleSnapshots1764300000920 implements MigrationInterface {
  name = 'ArticleSnapshots1764300000920';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE article_snapshots (
        stream_id text NOT NULL,
        version integer NOT NULL,
        fold text NOT NULL,
        hash text NOT NULL,
        max_occurred_at timestamptz NOT NULL,
        row json NOT NULL,
        PRIMARY KEY (stream_id, fold, version)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE article_snapshots`);
  }
}
