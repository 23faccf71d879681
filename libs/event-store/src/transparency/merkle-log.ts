import type { PoolClient } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { EVENT_COLUMNS, rowToEvent } from '../event-store';
import type { StoredEvent } from '../event-store.types';
import { logEntryOfColumns, logEntryText, OCCURRED_AT_ISO_SQL } from './log-entry';
import { appendLatin1Leaves, frontierRoot, type Frontier } from './merkle.frontier';
import { leafHashOfTextLatin1 } from './merkle.hash';
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
 * Events a sequencer batch takes at most, as the API runs it. Larger batches cost about the same CPU
 * per leaf (bench:audit's sequencer at 2,000, 5,000 and 10,000), while a batch and the one read
 * ahead are held in memory whole: two batches of 2,000 events of 13 kB are some 50 MB of text.
 */
export const SEQUENCER_BATCH = 2000;

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
  async sequence(limit = SEQUENCER_BATCH): Promise<number> {
    for (;;) {
      const added = await this.append(await this.read(limit));
      if (added !== TAKEN) return added;
    }
  }

  /**
   * Sequences until nothing visible is left; returns how many leaves were added. Pipelined: the
   * next batch is read and hashed while this one is written, so this process and the database work
   * at once rather than in turn (bench:audit, a million-event replay).
   */
  async catchUp(limit = SEQUENCER_BATCH): Promise<number> {
    let total = 0;
    let next = this.read(limit);
    for (;;) {
      const batch = await next;
      if (batch.positions.length === 0) return total;
      next = this.read(limit, batch.positions);
      // Settled later or dropped: a failed read ahead must not surface as an unhandled rejection.
      next.catch(() => undefined);
      const added = await this.append(batch);
      if (added !== 0 && added !== TAKEN) {
        total += added;
        continue;
      }
      await next.catch(() => undefined);
      if (added === 0) return total;
      next = this.read(limit);
    }
  }

  /**
   * The first `limit` visible queued events but those `inFlight` (being appended, not yet committed),
   * with their leaf hashes. No lock: `append` takes the batch only if it is still wholly queued.
   */
  private async read(limit: number, inFlight: readonly number[] = []): Promise<Batch> {
    // The batch's positions first, then each event by its key: a join let the planner merge from the
    // start of events every time, reading every event already logged again (quadratic over a replay).
    // Rows as arrays, the instant as text: the driver then builds no object per row and parses no timestamp.
    const rows = await this.arrays<LeafSourceRow>(
      `SELECT global_position, stream_id, version, data, metadata, event_id, hash, ${OCCURRED_AT_ISO_SQL},
         prev_hash, schema_version, type
       FROM events
       WHERE global_position = ANY(ARRAY(
         SELECT global_position FROM transparency_queue WHERE global_position <> ALL($2::bigint[])
         ORDER BY global_position LIMIT $1))`,
      [limit, inFlight],
    );
    // Sorted here: in SQL, a batch of wide rows outgrew work_mem and sorted on disk.
    rows.sort((a, b) => Number(a[0]) - Number(b[0]));
    const batch: Batch = { positions: [], streamIds: [], versions: [], leaves: [] };
    const odd: number[] = [];
    for (const [position, streamId, version, data, metadata, eventId, hash, at, prevHash, schema, type] of rows) {
      batch.positions.push(Number(position));
      batch.streamIds.push(streamId);
      batch.versions.push(version);
      if (at === null) odd.push(batch.leaves.push('') - 1);
      else {
        const entry = logEntryOfColumns(data, eventId, hash, metadata, at, prevHash, schema, streamId, type, version);
        batch.leaves.push(leafHashOfTextLatin1(entry));
      }
    }
    if (odd.length > 0) await this.hashWhole(batch, odd);
    return batch;
  }

  /** Leaves of a batch whose instant SQL could not write out (see OCCURRED_AT_ISO_SQL), from the whole events. */
  private async hashWhole(batch: Batch, at: number[]): Promise<void> {
    const rows = await this.db.query(`SELECT ${EVENT_COLUMNS} FROM events WHERE global_position = ANY($1::bigint[])`, [
      at.map((k) => batch.positions[k]),
    ]);
    const byPosition = new Map<number, StoredEvent>(
      rows.map(rowToEvent).map((e: StoredEvent) => [e.globalPosition, e]),
    );
    for (const k of at) batch.leaves[k] = leafHashOfTextLatin1(logEntryText(byPosition.get(batch.positions[k])!));
  }

  /** A query's rows as arrays of the driver's values, in the order selected. */
  private async arrays<Row extends unknown[]>(text: string, values: unknown[]): Promise<Row[]> {
    const runner = this.db.createQueryRunner();
    try {
      const client = (await runner.connect()) as PoolClient;
      const result = await client.query<Row>({ text, values, rowMode: 'array' });
      return result.rows;
    } finally {
      await runner.release();
    }
  }

  /**
   * Appends a batch read earlier, in one statement after the lock and the frontier: 0 when another
   * sequencer holds the lock, TAKEN (nothing written) when one logged any of its events since.
   */
  private async append(batch: Batch): Promise<number | typeof TAKEN> {
    if (batch.positions.length === 0) return 0;
    return this.db
      .transaction(async (m) => {
        const [tree] = await m.query(`SELECT size, frontier FROM merkle_tree WHERE ${SEQUENCER_LOCK} FOR UPDATE`);
        if (!tree) return 0;
        const before = frontierOf(tree);
        const { frontier, kept } = appendLatin1Leaves(before, batch.leaves, (l) => l > 0 && isStoredLevel(l));
        // Hashes travel as one bytea each (32 bytes per row), not as a bytea[] escaped row by row.
        const [{ taken }] = await m.query(
          `WITH taken AS (
             DELETE FROM transparency_queue WHERE global_position = ANY($1::bigint[]) RETURNING global_position
           ), leaves AS (
             INSERT INTO merkle_leaves (leaf_index, global_position, stream_id, version, leaf_hash)
             SELECT $2::bigint + k - 1, p, s, v, substring($5::bytea FROM (k::int - 1) * 32 + 1 FOR 32)
             FROM unnest($1::bigint[], $3::text[], $4::int[]) WITH ORDINALITY AS b(p, s, v, k)
             WHERE p IN (SELECT global_position FROM taken)
           ), nodes AS (
             INSERT INTO merkle_nodes (level, index, hash)
             SELECT l, i, substring($8::bytea FROM (k::int - 1) * 32 + 1 FOR 32)
             FROM unnest($6::smallint[], $7::bigint[]) WITH ORDINALITY AS n(l, i, k)
           ), tree AS (
             UPDATE merkle_tree SET size = $9, frontier = $10, root = $11, updated_at = now()
           )
           SELECT count(*)::int AS taken FROM taken`,
          [
            batch.positions,
            before.size,
            batch.streamIds,
            batch.versions,
            Buffer.from(batch.leaves.join(''), 'latin1'),
            kept.map((n) => n.level),
            kept.map((n) => n.index),
            Buffer.from(kept.map((n) => n.hash).join(''), 'latin1'),
            frontier.size,
            JSON.stringify(frontier.nodes.map((n) => ({ ...n, hash: n.hash.toString('hex') }))),
            frontierRoot(frontier),
          ],
        );
        if (taken !== batch.positions.length) throw new BatchTaken();
        return batch.positions.length;
      })
      .catch((err: unknown) => {
        if (err instanceof BatchTaken) return TAKEN;
        throw err;
      });
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
}

/** A batch the sequencer read and hashed, in queue order. */
interface Batch {
  positions: number[];
  streamIds: string[];
  versions: number[];
  /** Leaf hashes as latin1 strings (see leafHashOfTextLatin1). */
  leaves: string[];
}

/** An events row as the sequencer reads it (see read), its position an int8 as text. */
type LeafSourceRow = [string, string, number, unknown, unknown, string, string, string | null, string, number, string];

/** What append answers when another sequencer logged part of its batch first: read again. */
const TAKEN = 'taken';
class BatchTaken extends Error {}

function frontierOf(row: { size: string; frontier: Array<{ level: number; index: number; hash: string }> }): Frontier {
  const nodes = row.frontier.map((n) => ({ ...n, hash: Buffer.from(n.hash, 'hex') }));
  return { size: Number(row.size), nodes };
}

function toLeaf(r: any): LogLeaf {
  return {
    leafIndex: Number(r.leaf_index),
    globalPosition: Number(r.global_position),
    streamId: r.stream_id,
    version: r.version,
  };
}
