import { MigrationInterface, QueryRunner } from 'typeorm';

const CONTRIBUTION_ROWS = ['contribution_list_contribution_rows', 'contribution_audit_contribution_rows'];

/**
 * Issue #9's read models: contributions by article and by author, the contribution events' audit
 * entries, and the contributor ledger (with its own article rows). New consumer groups start from
 * the beginning of their topics; on a database whose topics no longer hold every event, rebuild
 * them (`npm run projections:rebuild contributor_ledger`, and so on). Frozen SQL, like every migration.
 */
export class ContributionReadModels1764300000910 implements MigrationInterface {
  name = 'ContributionReadModels1764300000910';

  async up(q: QueryRunner): Promise<void> {
    for (const t of CONTRIBUTION_ROWS) {
      await q.query(`
        CREATE TABLE ${t} (
          contribution_id uuid PRIMARY KEY,
          version integer NOT NULL,
          status text NOT NULL,
          row jsonb NOT NULL,
          updated_at timestamptz NOT NULL,
          last_position bigint NOT NULL,
          last_hash text
        )`);
    }
    await q.query(`
      CREATE TABLE contributor_ledger_article_rows (
        article_id uuid PRIMARY KEY,
        version integer NOT NULL,
        status text NOT NULL,
        row jsonb NOT NULL,
        updated_at timestamptz NOT NULL,
        last_position bigint NOT NULL,
        last_hash text
      )`);
    await q.query(`
      CREATE TABLE contribution_list (
        contribution_id uuid PRIMARY KEY,
        article_id uuid NOT NULL,
        author_id text NOT NULL,
        status text NOT NULL,
        version integer NOT NULL,
        submitted_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        item jsonb NOT NULL
      )`);
    await q.query(`CREATE INDEX contribution_list_article ON contribution_list (article_id, submitted_at)`);
    await q.query(`CREATE INDEX contribution_list_author ON contribution_list (author_id, updated_at DESC)`);
    await q.query(`
      CREATE TABLE contribution_audit_trail (
        contribution_id uuid NOT NULL,
        version integer NOT NULL,
        article_id uuid NOT NULL,
        event_id uuid NOT NULL,
        type text NOT NULL,
        occurred_at timestamptz NOT NULL,
        actor_id text NOT NULL,
        actor_name text NOT NULL,
        actor_role text NOT NULL,
        summary text NOT NULL,
        changes jsonb NOT NULL,
        position bigint NOT NULL,
        PRIMARY KEY (contribution_id, version)
      )`);
    await q.query(
      `CREATE INDEX contribution_audit_trail_time ON contribution_audit_trail (occurred_at, article_id, version)`,
    );
    await q.query(`CREATE INDEX contribution_audit_trail_actor ON contribution_audit_trail (actor_id, occurred_at)`);
    await q.query(`
      CREATE TABLE contributor_ledger_credits (
        article_id uuid NOT NULL,
        contributor_id text NOT NULL,
        contribution_id uuid NOT NULL,
        PRIMARY KEY (article_id, contributor_id)
      )`);
    await q.query(`
      CREATE TABLE contributor_ledger (
        person_key text NOT NULL,
        article_id uuid NOT NULL,
        article_version integer NOT NULL,
        contributor_id text NOT NULL,
        published_at timestamptz NOT NULL,
        headline text NOT NULL,
        name text NOT NULL,
        role text NOT NULL,
        affiliation text,
        contribution_id uuid,
        PRIMARY KEY (person_key, article_id, article_version, contributor_id)
      )`);
    await q.query(
      `CREATE INDEX contributor_ledger_page ON contributor_ledger
         (person_key, published_at DESC, article_id DESC, article_version DESC, contributor_id DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'contributor_ledger',
      'contributor_ledger_credits',
      'contribution_audit_trail',
      'contribution_list',
      'contributor_ledger_article_rows',
      ...CONTRIBUTION_ROWS,
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
