import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The global Merkle log of every event (issue #10). `transparency_queue` holds the events not yet in
 * the log; a trigger fills it in the inserting transaction, so a row becomes visible exactly when its
 * event does, and the single sequencer takes what is visible: leaf indexes in commit order, which
 * `global_position` (a sequence, handed out before commit) is not. No foreign keys to `events`: the
 * log must outlive an operator's tampering with them, to tell it.
 */
export class TransparencyLog1764300000600 implements MigrationInterface {
  name = 'TransparencyLog1764300000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE transparency_queue (global_position bigint PRIMARY KEY)`);
    await q.query(`
      CREATE FUNCTION transparency_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO transparency_queue (global_position) SELECT global_position FROM appended;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER events_enter_transparency_log AFTER INSERT ON events
      REFERENCING NEW TABLE AS appended FOR EACH STATEMENT EXECUTE FUNCTION transparency_enqueue()`);
    // Events stored before the log existed enter it first, in the order of their positions.
    await q.query(`INSERT INTO transparency_queue (global_position) SELECT global_position FROM events`);
    await q.query(`
      CREATE TABLE merkle_leaves (
        leaf_index bigint PRIMARY KEY,
        global_position bigint NOT NULL UNIQUE,
        stream_id text NOT NULL,
        version integer NOT NULL,
        sequenced_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX merkle_leaves_stream ON merkle_leaves (stream_id, version)`);
    // Every complete subtree (leaves at level 0), so that any proof is O(log n) lookups.
    await q.query(`
      CREATE TABLE merkle_nodes (
        level smallint NOT NULL,
        index bigint NOT NULL,
        hash bytea NOT NULL,
        PRIMARY KEY (level, index)
      )`);
    await q.query(`
      CREATE TABLE merkle_tree (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        size bigint NOT NULL,
        frontier jsonb NOT NULL,
        root bytea NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`INSERT INTO merkle_tree (size, frontier, root)
      VALUES (0, '[]', '\\xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')`);
    await q.query(`
      CREATE TABLE audit_checkpoints (
        id bigserial PRIMARY KEY,
        tree_size bigint NOT NULL,
        root bytea NOT NULL,
        note text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX audit_checkpoints_size ON audit_checkpoints (tree_size)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_checkpoints`);
    await q.query(`DROP TABLE merkle_tree`);
    await q.query(`DROP TABLE merkle_nodes`);
    await q.query(`DROP TABLE merkle_leaves`);
    await q.query(`DROP TRIGGER events_enter_transparency_log ON events`);
    await q.query(`DROP FUNCTION transparency_enqueue()`);
    await q.query(`DROP TABLE transparency_queue`);
  }
}
