import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The board's card needs who changed an article last and its embargo and schedule, without
 * reading each article whole. Existing rows take the actor from the audit trail's entry for the
 * same version and the rest from the article row of the same version; a row whose twin is at
 * another version keeps NULLs until its next event (or a rebuild). Frozen SQL, like every migration.
 */
export class ArticleListBoard1764300000300 implements MigrationInterface {
  name = 'ArticleListBoard1764300000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE article_list ADD COLUMN updated_by_id text, ADD COLUMN updated_by_name text,
         ADD COLUMN updated_by_role text, ADD COLUMN embargo_until timestamptz, ADD COLUMN publish_at timestamptz`,
    );
    await q.query(
      `UPDATE article_list l SET updated_by_id = a.actor_id, updated_by_name = a.actor_name,
         updated_by_role = a.actor_role
       FROM audit_trail a WHERE a.article_id = l.article_id AND a.version = l.version`,
    );
    await q.query(
      `UPDATE article_list l SET embargo_until = (s.row->'working'->>'embargoUntil')::timestamptz,
         publish_at = (s.row->'scheduled'->>'publishAt')::timestamptz
       FROM article_state s WHERE s.article_id = l.article_id AND s.version = l.version`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE article_list DROP COLUMN updated_by_id, DROP COLUMN updated_by_name, DROP COLUMN updated_by_role,
         DROP COLUMN embargo_until, DROP COLUMN publish_at`,
    );
  }
}
