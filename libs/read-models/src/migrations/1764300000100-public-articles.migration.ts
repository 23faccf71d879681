import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The public read model (issue #11): the live copy of each article that ever went live, the slugs
 * that lead to it, and the consumer group's own article rows. Frozen SQL, like every migration.
 */
export class PublicArticles1764300000100 implements MigrationInterface {
  name = 'PublicArticles1764300000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE public_articles (
        article_id uuid PRIMARY KEY,
        version integer NOT NULL,
        status text NOT NULL,
        slug text NOT NULL,
        section_keys text[] NOT NULL,
        visible_from timestamptz NOT NULL,
        feed_at timestamptz NOT NULL,
        changed_at timestamptz NOT NULL,
        row jsonb NOT NULL
      )`);
    await q.query(`CREATE INDEX public_articles_feed ON public_articles (feed_at DESC, article_id DESC)`);
    await q.query(`CREATE INDEX public_articles_sections ON public_articles USING gin (section_keys)`);
    await q.query(`
      CREATE TABLE public_article_slugs (
        slug text PRIMARY KEY,
        article_id uuid NOT NULL
      )`);
    await q.query(`
      CREATE TABLE public_articles_article_rows (
        article_id uuid PRIMARY KEY,
        version integer NOT NULL,
        status text NOT NULL,
        row jsonb NOT NULL,
        updated_at timestamptz NOT NULL,
        last_position bigint NOT NULL,
        last_hash text
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['public_articles_article_rows', 'public_article_slugs', 'public_articles']) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
