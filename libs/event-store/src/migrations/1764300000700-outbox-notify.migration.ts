import { MigrationInterface, QueryRunner } from 'typeorm';
import { OUTBOX_CHANNEL } from '../outbox-channel';

/**
 * Rows in the outbox wake the relay: a statement trigger NOTIFYs on `newsroom_outbox` with the
 * schema's name. PostgreSQL delivers it only when the transaction commits (and folds repeats within
 * one transaction into one), so the relay learns of each commit at once instead of polling every
 * 10 ms: no extra round trip for the writer, and an idle relay asks nothing.
 */
export class OutboxNotify1764300000700 implements MigrationInterface {
  name = 'OutboxNotify1764300000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${OUTBOX_CHANNEL}', TG_TABLE_SCHEMA);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER outbox_notify AFTER INSERT ON outbox
      FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER outbox_notify ON outbox`);
    await q.query(`DROP FUNCTION outbox_notify()`);
  }
}
