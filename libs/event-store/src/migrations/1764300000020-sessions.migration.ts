import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Revocable sessions and login throttling (issue #7). A token names its session; a request is let
 * in only while the session is live and its user is enabled. The throttle tables have the columns
 * rate-limiter-flexible's PostgreSQL store expects, created here so the API needs no DDL right.
 */
export class Sessions1764300000020 implements MigrationInterface {
  name = 'Sessions1764300000020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN disabled_at timestamptz, ADD COLUMN updated_at timestamptz`);
    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_because text
      )`);
    await q.query(`CREATE INDEX sessions_live_by_user ON sessions (user_id) WHERE revoked_at IS NULL`);
    for (const table of ['login_failures_by_account', 'login_failures_by_address']) {
      await q.query(
        `CREATE TABLE ${table} (key varchar(255) PRIMARY KEY, points integer NOT NULL DEFAULT 0, expire bigint)`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_failures_by_address, login_failures_by_account, sessions`);
    await q.query(`ALTER TABLE users DROP COLUMN disabled_at, DROP COLUMN updated_at`);
  }
}
