import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Merkle log stores what proofs need and no more (issue #10, bench:audit). Each leaf's hash moves
 * onto its `merkle_leaves` row, and `merkle_nodes` keeps only the levels that are multiples of
 * MERKLE_NODE_STRIDE (4): any other complete subtree is at most 8 stored hashes below, recomputed
 * when a proof asks. Two rows per leaf become about one and one sixteenth, which is what the
 * sequencer's inserts cost.
 */
export class MerkleLogCompact1764300000610 implements MigrationInterface {
  name = 'MerkleLogCompact1764300000610';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE merkle_leaves ADD COLUMN leaf_hash bytea`);
    await q.query(`UPDATE merkle_leaves l SET leaf_hash = n.hash FROM merkle_nodes n
      WHERE n.level = 0 AND n.index = l.leaf_index`);
    await q.query(`ALTER TABLE merkle_leaves ALTER COLUMN leaf_hash SET NOT NULL`);
    await q.query(`DELETE FROM merkle_nodes WHERE level % 4 <> 0 OR level = 0`);
  }

  /** Every level again, recomputed bottom-up with RFC 6962's node hash from the leaves. */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM merkle_nodes`);
    await q.query(`INSERT INTO merkle_nodes (level, index, hash) SELECT 0, leaf_index, leaf_hash FROM merkle_leaves`);
    await q.query(`
      DO $$
      DECLARE lvl int := 0;
      BEGIN
        LOOP
          INSERT INTO merkle_nodes (level, index, hash)
            SELECT lvl + 1, l.index / 2, sha256('\\x01'::bytea || l.hash || r.hash)
            FROM merkle_nodes l JOIN merkle_nodes r ON r.level = lvl AND r.index = l.index + 1
            WHERE l.level = lvl AND l.index % 2 = 0;
          EXIT WHEN NOT FOUND;
          lvl := lvl + 1;
        END LOOP;
      END $$`);
    await q.query(`ALTER TABLE merkle_leaves DROP COLUMN leaf_hash`);
  }
}
