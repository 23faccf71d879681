import type { DataSource, EntityManager } from 'typeorm';
import { EVENT_COLUMNS, rowToEvent } from '../event-store';
import { logEntry } from './log-entry';
import { appendLeaves, frontierRoot, type Frontier } from './merkle.frontier';
import { leafHash } from './merkle.hash';
import { multiInclusionProof } from './merkle.multi-proof';
import { consistencyProof, inclusionProof, nodesNeeded, type NodeAt, type NodeId } from './merkle.proofs';
import { isStoredLevel, nodeAtFromStored, storedBelow } from './merkle.stored-nodes';

export interface TreeHead {
  size: number;
  root: Buffer;
}

export interface LogLeaf {
  leafIndex: number;
  globalPosition: number;
  streamId: string;
  version: number;
}

/** One sequencer per schema: the schema's hash, then 'nws' and 1 (0x6e777301). */
const SEQUENCER_LOCK = `pg_try_advisory_xact_lock(hashtext(current_schema()), 1853321985)`;

export class LogNodeMissing extends Error {}

/**
 * The global Merkle log in PostgreSQL: the sequencer that appends visible events as leaves, the tree
 * state it keeps so each append costs O(log n), and the stored nodes proofs are built from. Sole
 * writer of merkle_leaves, merkle_nodes, merkle_tree and transparency_queue.
 */
export class MerkleLog {
  constructor(private readonly db: DataSource) {}

  /**
   * Appends up to `limit` queued events in one transaction and returns how many. Only committed
   * events are visible here, so an append that commits late is simply taken by a later call, after
   * those that committed first: leaf order is the order events became visible, never a gap.
   * Returns 0 at once when another sequencer holds the schema's lock.
   */
  async sequence(limit = 2000): Promise<number> {
    return this.db.transaction(async (m) => {
      const [{ locked }] = await m.query(`SELECT ${SEQUENCER_LOCK} AS locked`);
      if (!locked) return 0;
      // The batch's positions first, then each event by its key: a join let the planner merge from the
      // start of events every time, reading every event already logged again (quadratic over a replay).
      const rows = await m.query(
        `SELECT ${EVENT_COLUMNS} FROM events
         WHERE global_position = ANY(ARRAY(
           SELECT global_position FROM transparency_queue ORDER BY global_position LIMIT $1))
         ORDER BY global_position`,
        [limit],
      );
      if (rows.length === 0) return 0;
      const events = rows.map(rowToEvent);
      const before = await this.frontier(m);
      const leaves = events.map((e: ReturnType<typeof rowToEvent>) => leafHash(logEntry(e)));
      const { frontier, completed } = appendLeaves(before, leaves);
      const stored = completed.filter((n) => n.level > 0 && isStoredLevel(n.level));
      await m.query(
        `INSERT INTO merkle_nodes (level, index, hash) SELECT * FROM unnest($1::smallint[], $2::bigint[], $3::bytea[])`,
        [stored.map((n) => n.level), stored.map((n) => n.index), stored.map((n) => n.hash)],
      );
      await m.query(
        `INSERT INTO merkle_leaves (leaf_index, global_position, stream_id, version, leaf_hash)
         SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::int[], $5::bytea[])`,
        [
          events.map((_: unknown, i: number) => before.size + i),
          events.map((e: { globalPosition: number }) => e.globalPosition),
          events.map((e: { streamId: string }) => e.streamId),
          events.map((e: { version: number }) => e.version),
          leaves,
        ],
      );
      await m.query(`DELETE FROM transparency_queue WHERE global_position = ANY($1::bigint[])`, [
        events.map((e: { globalPosition: number }) => e.globalPosition),
      ]);
      await m.query(`UPDATE merkle_tree SET size = $1, frontier = $2, root = $3, updated_at = now()`, [
        frontier.size,
        JSON.stringify(frontier.nodes.map((n) => ({ ...n, hash: n.hash.toString('hex') }))),
        frontierRoot(frontier),
      ]);
      return events.length;
    });
  }

  /** Sequences until nothing visible is left; returns how many leaves were added. */
  async catchUp(limit = 2000): Promise<number> {
    let total = 0;
    for (let n = await this.sequence(limit); n > 0; n = await this.sequence(limit)) total += n;
    return total;
  }

  async head(db: DataSource | EntityManager = this.db): Promise<TreeHead> {
    const [row] = await db.query(`SELECT size, root FROM merkle_tree`);
    return { size: Number(row.size), root: row.root };
  }

  /** How many events wait to enter the log. */
  async backlog(): Promise<number> {
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM transparency_queue`);
    return n;
  }

  async inclusionProof(index: number, size: number): Promise<Buffer[]> {
    return this.prove((nodeAt) => inclusionProof(index, size, nodeAt));
  }

  /** Many inclusion proofs into one tree, their nodes read in one query. */
  async inclusionProofs(indexes: number[], size: number): Promise<Map<number, Buffer[]>> {
    const build = (nodeAt: NodeAt) => indexes.map((i) => inclusionProof(i, size, nodeAt));
    const proofs = await this.proveMany(build);
    return new Map(indexes.map((i, k) => [i, proofs[k]]));
  }

  /** One multiproof that these leaves (ascending) are in the tree of `size`: see multiInclusionProof. */
  async multiInclusionProof(indexes: number[], size: number): Promise<Buffer[]> {
    return this.prove((nodeAt) => multiInclusionProof(indexes, size, nodeAt));
  }

  /** The leaf hashes the log recorded at these indexes. */
  async leafHashes(indexes: number[]): Promise<Map<number, Buffer>> {
    const rows: Array<{ leaf_index: string; leaf_hash: Buffer }> = await this.db.query(
      `SELECT leaf_index, leaf_hash FROM merkle_leaves WHERE leaf_index = ANY($1::bigint[])`,
      [indexes],
    );
    return new Map(rows.map((r) => [Number(r.leaf_index), r.leaf_hash]));
  }

  async consistencyProof(from: number, to: number): Promise<Buffer[]> {
    return this.prove((nodeAt) => consistencyProof(from, to, nodeAt));
  }

  /** Every leaf the log holds for one stream, by version then leaf index. */
  async leavesOf(streamId: string): Promise<LogLeaf[]> {
    const rows = await this.db.query(
      `SELECT leaf_index, global_position, stream_id, version FROM merkle_leaves
       WHERE stream_id = $1 ORDER BY version, leaf_index`,
      [streamId],
    );
    return rows.map(toLeaf);
  }

  /** Which of these global positions still wait for the sequencer. */
  async queuedAmong(positions: number[]): Promise<Set<number>> {
    const rows = await this.db.query(
      `SELECT global_position FROM transparency_queue WHERE global_position = ANY($1::bigint[])`,
      [positions],
    );
    return new Set(rows.map((r: { global_position: string }) => Number(r.global_position)));
  }

  /** The leaves for these global positions (events of a stream, of a period). */
  async leavesAt(positions: number[]): Promise<LogLeaf[]> {
    const rows = await this.db.query(
      `SELECT leaf_index, global_position, stream_id, version FROM merkle_leaves
       WHERE global_position = ANY($1::bigint[]) ORDER BY leaf_index`,
      [positions],
    );
    return rows.map(toLeaf);
  }

  private async prove(build: (nodeAt: NodeAt) => Uint8Array[]): Promise<Buffer[]> {
    const [proof] = await this.proveMany((nodeAt) => [build(nodeAt)]);
    return proof;
  }

  /**
   * Builds proofs twice: a dry run lists the nodes they read, one query fetches the stored ones
   * those are made of, then the real run computes the levels the log does not keep.
   */
  private async proveMany(build: (nodeAt: NodeAt) => Uint8Array[][]): Promise<Buffer[][]> {
    const ids = nodesNeeded(build).flatMap(storedBelow);
    const found = await this.nodes(ids);
    const proofs = build(
      nodeAtFromStored((level, index) => {
        const hash = found.get(`${level}/${index}`);
        if (!hash) throw new LogNodeMissing(`the log has no node ${level}/${index}`);
        return hash;
      }),
    );
    return proofs.map((p) => p.map((h) => Buffer.from(h)));
  }

  /** Stored nodes by id: level 0 from the leaves' rows, the others from merkle_nodes. */
  private async nodes(ids: NodeId[]): Promise<Map<string, Buffer>> {
    if (ids.length === 0) return new Map();
    const rows: Array<{ level: number; index: string; hash: Buffer }> = await this.db.query(
      `SELECT 0 AS level, l.leaf_index AS index, l.leaf_hash AS hash FROM merkle_leaves l
       WHERE l.leaf_index = ANY($3::bigint[])
       UNION ALL
       SELECT n.level, n.index, n.hash FROM merkle_nodes n
       JOIN unnest($1::smallint[], $2::bigint[]) AS wanted(level, index) USING (level, index)`,
      [
        ids.filter((n) => n.level > 0).map((n) => n.level),
        ids.filter((n) => n.level > 0).map((n) => n.index),
        ids.filter((n) => n.level === 0).map((n) => n.index),
      ],
    );
    return new Map(rows.map((r) => [`${r.level}/${r.index}`, r.hash]));
  }

  private async frontier(m: EntityManager): Promise<Frontier> {
    const [row] = await m.query(`SELECT size, frontier FROM merkle_tree FOR UPDATE`);
    const nodes = (row.frontier as Array<{ level: number; index: number; hash: string }>).map((n) => ({
      ...n,
      hash: Buffer.from(n.hash, 'hex'),
    }));
    return { size: Number(row.size), nodes };
  }
}

function toLeaf(r: any): LogLeaf {
  return {
    leafIndex: Number(r.leaf_index),
    globalPosition: Number(r.global_position),
    streamId: r.stream_id,
    version: r.version,
  };
}
