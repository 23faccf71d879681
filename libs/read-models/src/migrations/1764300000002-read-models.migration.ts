import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read models built by the projector from Kafka. Every table can be rebuilt from the event store,
 * so their shape may change freely; the events cannot.
 */
export class ReadModels1764300000002 implements MigrationInterface {
  name = 'ReadModels1764300000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE article_state (
        article_id uuid PRIMARY KEY,
        version integer NOT NULL,
        status text NOT NULL,
        row jsonb NOT NULL,
        updated_at timestamptz NOT NULL,
        last_position bigint NOT NULL
      )`);
    await q.query(`
      CREATE TABLE audit_trail (
        article_id uuid NOT NULL,
        version integer NOT NULL,
        event_id uuid NOT NULL,
        type text NOT NULL,
        occurred_at timestamptz NOT NULL,
        actor_id text NOT NULL,
        actor_name text NOT NULL,
        actor_role text NOT NULL,
        summary text NOT NULL,
        changes jsonb NOT NULL,
        position bigint NOT NULL,
        PRIMARY KEY (article_id, version)
      )`);
    await q.query(`CREATE INDEX audit_trail_time ON audit_trail (occurred_at, article_id, version)`);
    await q.query(`CREATE INDEX audit_trail_actor ON audit_trail (actor_id, occurred_at)`);
    await q.query(`CREATE INDEX audit_trail_type ON audit_trail (type, occurred_at)`);
    await q.query(`
      CREATE TABLE article_list (
        article_id uuid PRIMARY KEY,
        version integer NOT NULL,
        status text NOT NULL,
        headline text NOT NULL,
        sections text[] NOT NULL,
        contributor_names text[] NOT NULL,
        updated_at timestamptz NOT NULL,
        published_at timestamptz,
        search_text text NOT NULL
      )`);
    await q.query(`CREATE INDEX article_list_updated ON article_list (updated_at DESC, article_id DESC)`);
    await q.query(`CREATE INDEX article_list_status ON article_list (status, updated_at DESC)`);
    await q.query(`CREATE INDEX article_list_sections ON article_list USING gin (sections)`);
    await q.query(`
      CREATE TABLE contributor_index (
        article_id uuid NOT NULL,
        contributor_id text NOT NULL,
        name text NOT NULL,
        name_key text NOT NULL,
        role text NOT NULL,
        version integer NOT NULL,
        PRIMARY KEY (article_id, contributor_id)
      )`);
    await q.query(`CREATE INDEX contributor_index_name ON contributor_index (name_key)`);
    await q.query(`
      CREATE TABLE projection_status (
        name text PRIMARY KEY,
        status text NOT NULL DEFAULT 'running',
        last_position bigint NOT NULL DEFAULT 0,
        last_event_at timestamptz,
        last_applied_at timestamptz,
        events_applied bigint NOT NULL DEFAULT 0,
        last_error text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE dead_letters (
        id bigserial PRIMARY KEY,
        projection text NOT NULL,
        article_id text,
        version integer,
        event_id text,
        error text NOT NULL,
        payload text,
        topic text NOT NULL,
        partition integer NOT NULL,
        "offset" text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz
      )`);
    await q.query(`CREATE INDEX dead_letters_open ON dead_letters (projection, article_id) WHERE resolved_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'dead_letters',
      'projection_status',
      'contributor_index',
      'article_list',
      'audit_trail',
      'article_state',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
