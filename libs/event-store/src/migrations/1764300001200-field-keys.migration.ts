import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keys of encrypted event fields (issue #12, crypto-shredding). `field_keys` holds one row per
 * field value, its key wrapped by the master key (which the database never holds); destroying a
 * key is deleting its row. `field_key_tombstones` records which redaction destroyed a key (never
 * the text), so that a read can say so, and tells a destroyed key from a missing one. No foreign
 * keys to `events`: a key is written before the event that references it, and outlives nothing.
 */
export class FieldKeys1764300001200 implements MigrationInterface {
  name = 'FieldKeys1764300001200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE field_keys (
        kid text PRIMARY KEY,
        stream_id text NOT NULL,
        master_key_id text NOT NULL,
        wrapped bytea NOT NULL CHECK (octet_length(wrapped) = 60),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX field_keys_stream ON field_keys (stream_id)`);
    await q.query(`
      CREATE TABLE field_key_tombstones (
        kid text PRIMARY KEY,
        stream_id text NOT NULL,
        redaction_id uuid NOT NULL,
        redacted_at timestamptz NOT NULL,
        legal_basis text NOT NULL,
        reference text NOT NULL,
        destroyed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX field_key_tombstones_redaction ON field_key_tombstones (redaction_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE field_key_tombstones`);
    await q.query(`DROP TABLE field_keys`);
  }
}
