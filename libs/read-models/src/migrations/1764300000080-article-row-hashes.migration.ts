import { MigrationInterface, QueryRunner } from 'typeorm';

const ROWS_TABLES = [
  'article_state',
  'audit_trail_article_rows',
  'article_list_article_rows',
  'contributor_index_article_rows',
];

/**
 * Each read model's article rows keep the hash of the event they last applied, so the projector can
 * check that the next message links to it. Existing rows take it from the event store (same
 * database); a row whose event is missing keeps NULL, which no message links to: its read model
 * holds that article back until a rebuild. Frozen SQL, like every migration.
 */
export class ArticleRowHashes1764300000080 implements MigrationInterface {
  name = 'ArticleRowHashes1764300000080';

  async up(q: QueryRunner): Promise<void> {
    for (const t of ROWS_TABLES) {
      await q.query(`ALTER TABLE ${t} ADD COLUMN last_hash text`);
      await q.query(
        `UPDATE ${t} r SET last_hash = e.hash FROM events e
         WHERE e.stream_id = 'article-' || r.article_id::text AND e.version = r.version`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ROWS_TABLES) await q.query(`ALTER TABLE ${t} DROP COLUMN last_hash`);
  }
}
