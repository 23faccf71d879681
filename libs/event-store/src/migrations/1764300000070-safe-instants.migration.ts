import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `safe_timestamptz(text)`: the instant a stored string names, or NULL when PostgreSQL cannot cast
 * it (an offset beyond ±15:59, a date out of range, garbage). Events are append-only, so a value an
 * older API let through stays forever; a reader that casts blindly fails on it at every read.
 * STABLE, not IMMUTABLE: a string without an offset is read in the session's time zone.
 * Also an index for the sweep of expired idempotency keys.
 */
export class SafeInstants1764300000070 implements MigrationInterface {
  name = 'SafeInstants1764300000070';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION safe_timestamptz(value text) RETURNS timestamptz
      LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE AS $$
      BEGIN
        RETURN value::timestamptz;
      EXCEPTION WHEN data_exception THEN
        RETURN NULL;
      END $$`);
    await q.query(`CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX idempotency_keys_created_at`);
    await q.query(`DROP FUNCTION safe_timestamptz(text)`);
  }
}
