import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency records keep the first answer as an opaque value; the status code is HTTP's business
 * and the controller says it again on a replay. The body every row holds is that answer already.
 */
export class IdempotentAnswers1764300000010 implements MigrationInterface {
  name = 'IdempotentAnswers1764300000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE idempotency_keys DROP COLUMN status_code`);
    await q.query(`ALTER TABLE idempotency_keys RENAME COLUMN response TO answer`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE idempotency_keys RENAME COLUMN answer TO response`);
    // Which answers were creations is no longer known; 200 is the code of most of them.
    await q.query(`ALTER TABLE idempotency_keys ADD COLUMN status_code integer NOT NULL DEFAULT 200`);
    await q.query(`ALTER TABLE idempotency_keys ALTER COLUMN status_code DROP DEFAULT`);
  }
}
