import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keys are only ever looked up by kid (reads open an envelope, a redaction finds its kids through the
 * events that hold them), so the index on `field_keys.stream_id` cost every append one B-tree insert
 * per key and answered no query. `stream_id` stays, for the tombstones and for operators.
 */
export class FieldKeysByKidOnly1764300001250 implements MigrationInterface {
  name = 'FieldKeysByKidOnly1764300001250';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX field_keys_stream`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX field_keys_stream ON field_keys (stream_id)`);
  }
}
