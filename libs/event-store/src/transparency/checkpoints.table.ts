import type { DataSource } from 'typeorm';

export interface StoredCheckpoint {
  id: number;
  treeSize: number;
  root: Buffer;
  note: string;
  createdAt: string;
}

/** The signed checkpoints, kept forever: the history an auditor checks for consistency. */
export class CheckpointsTable {
  constructor(private readonly db: DataSource) {}

  /** Keeps `note` unless a checkpoint of that size or larger is already kept (another instance signed it). */
  async keep(treeSize: number, root: Buffer, note: string): Promise<boolean> {
    const rows = await this.db.query(
      `INSERT INTO audit_checkpoints (tree_size, root, note)
       SELECT $1, $2, $3 WHERE NOT EXISTS (SELECT 1 FROM audit_checkpoints WHERE tree_size >= $1)
       RETURNING id`,
      [treeSize, root, note],
    );
    return rows.length > 0;
  }

  async latest(): Promise<StoredCheckpoint | undefined> {
    const [row] = await this.db.query(`SELECT * FROM audit_checkpoints ORDER BY tree_size DESC, id DESC LIMIT 1`);
    return row && toCheckpoint(row);
  }

  /** Every checkpoint, oldest first (at most `limit`, after `afterId`). */
  async history(afterId = 0, limit = 1000): Promise<StoredCheckpoint[]> {
    const rows = await this.db.query(`SELECT * FROM audit_checkpoints WHERE id > $1 ORDER BY id LIMIT $2`, [
      afterId,
      limit,
    ]);
    return rows.map(toCheckpoint);
  }

  /** The kept checkpoints smaller than `size`, largest first (at most `limit`). */
  async before(size: number, limit = 10): Promise<StoredCheckpoint[]> {
    const rows = await this.db.query(
      `SELECT * FROM audit_checkpoints WHERE tree_size < $1 ORDER BY tree_size DESC, id DESC LIMIT $2`,
      [size, limit],
    );
    return rows.map(toCheckpoint);
  }

  /** For each leaf index, the smallest kept checkpoint covering it: the first signed statement it is in. */
  async firstCovering(indexes: number[]): Promise<StoredCheckpoint[]> {
    const rows = await this.db.query(
      `SELECT DISTINCT ON (c.id) c.* FROM unnest($1::bigint[]) AS leaf(index)
       CROSS JOIN LATERAL (SELECT * FROM audit_checkpoints WHERE tree_size > leaf.index
                           ORDER BY tree_size, id LIMIT 1) c
       ORDER BY c.id`,
      [indexes],
    );
    return rows.map(toCheckpoint);
  }
}

function toCheckpoint(r: any): StoredCheckpoint {
  return {
    id: Number(r.id),
    treeSize: Number(r.tree_size),
    root: r.root,
    note: r.note,
    createdAt: new Date(r.created_at).toISOString(),
  };
}
