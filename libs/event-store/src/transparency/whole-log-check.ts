import type { DataSource } from 'typeorm';
import type { ChainCheckOptions } from '../event-store.port';
import { GENESIS_HASH } from '../hash-chain';
import { checkContent } from '../shredding/erased-field';
import { EVENT_COLUMNS, rowToEvent } from '../event-store';
import type { StoredEvent } from '../event-store.types';
import { logEntry } from './log-entry';
import { appendLeaves, EMPTY_FRONTIER, frontierRoot } from './merkle.frontier';
import { leafHash } from './merkle.hash';

/** One broken thing, located: the stream and version (0: the log itself), why, and what differed. */
export interface WholeLogProblem {
  streamId: string | null;
  version: number;
  reason: string;
  expected?: string;
  found?: string;
}

export type WholeLogStep =
  | { kind: 'progress'; phase: 'log' | 'chains' | 'unlogged'; checked: number; total: number }
  | { kind: 'problem'; problem: WholeLogProblem };

const PAGE = 5000;

/**
 * Everything against one signed checkpoint, as a stream of steps: (1) every leaf it covers, in
 * order, is the leaf hash of the event stored at that position, and those leaves fold to the
 * checkpoint's root, so the log's own tables were not edited either; (2) every stream's hash chain
 * from version 1, an event erased in place under a redaction order (issue #12, given
 * `redactableFields`) vouched for by its links and a signed leaf instead; (3) no stored event is
 * missing from both the log and its queue. The caller has checked the checkpoint's signature and
 * consistency. O(n) hashes, read in pages.
 */
export async function* checkWholeLog(
  ds: DataSource,
  checkpoint: { treeSize: number; root: Buffer },
  opts: ChainCheckOptions = {},
): AsyncGenerator<WholeLogStep> {
  const [{ events }] = await ds.query(`SELECT count(*)::bigint AS events FROM events`);
  const total = Number(events);
  // 1. The log: leaf by leaf against the store, folded into the signed root.
  let frontier = EMPTY_FRONTIER;
  for (let from = 0; from < checkpoint.treeSize; from += PAGE) {
    const rows = await ds.query(
      `SELECT l.leaf_index, l.leaf_hash, l.stream_id AS leaf_stream, l.version AS leaf_version,
         ${EVENT_COLUMNS.replace(/(\w+)/g, 'e.$1')}
       FROM merkle_leaves l LEFT JOIN events e ON e.global_position = l.global_position
       WHERE l.leaf_index >= $1 AND l.leaf_index < $2 ORDER BY l.leaf_index`,
      [from, Math.min(from + PAGE, checkpoint.treeSize)],
    );
    for (const r of rows) {
      const at = { streamId: r.leaf_stream as string, version: r.leaf_version as number };
      if (r.event_id === null) {
        yield problem(at, `version ${at.version} is in the signed log (leaf ${r.leaf_index}) but not in the store`);
      } else {
        const e = rowToEvent(r);
        const found = leafHash(logEntry(e));
        // Erased in place (issue #12): its recorded leaf is what the fold below proves in the signed tree.
        if (!found.equals(r.leaf_hash) && !isErased(e, opts)) {
          yield problem(at, `version ${at.version} differs from what the signed log recorded at leaf ${r.leaf_index}`, {
            expected: r.leaf_hash.toString('hex'),
            found: found.toString('hex'),
          });
        }
      }
    }
    frontier = appendLeaves(
      frontier,
      rows.map((r: { leaf_hash: Buffer }) => r.leaf_hash),
    ).frontier;
    if (rows.length < Math.min(PAGE, checkpoint.treeSize - from)) break;
    yield { kind: 'progress', phase: 'log', checked: from + rows.length, total: checkpoint.treeSize };
  }
  const root = frontierRoot(frontier);
  if (frontier.size !== checkpoint.treeSize || !root.equals(checkpoint.root)) {
    yield problem({ streamId: null, version: 0 }, `the stored log does not fold to checkpoint ${checkpoint.treeSize}`, {
      expected: checkpoint.root.toString('hex'),
      found: `${root.toString('hex')} over ${frontier.size} leaves`,
    });
  }
  // 2. Every stream's chain, in (stream, version) order, a page at a time.
  let last: { streamId: string; version: number } = { streamId: '', version: 0 };
  let chain = { streamId: '', version: 0, hash: GENESIS_HASH, broken: false };
  const erased: Array<{ at: { streamId: string; version: number }; position: number }> = [];
  for (let checked = 0; ;) {
    const rows = await ds.query(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE (stream_id, version) > ($1, $2) ORDER BY stream_id, version LIMIT $3`,
      [last.streamId, last.version, PAGE],
    );
    for (const e of rows.map(rowToEvent) as StoredEvent[]) {
      if (e.streamId !== chain.streamId)
        chain = { streamId: e.streamId, version: 0, hash: GENESIS_HASH, broken: false };
      if (!chain.broken) {
        const fault = chainFault(chain, e, opts);
        if (fault === 'erased')
          erased.push({ at: { streamId: e.streamId, version: e.version }, position: e.globalPosition });
        else if (fault) {
          chain.broken = true;
          yield { kind: 'problem', problem: { streamId: e.streamId, ...fault } };
        }
      }
      chain = { ...chain, version: e.version, hash: e.hash };
    }
    checked += rows.length;
    if (rows.length === 0) break;
    const tail = rows[rows.length - 1];
    last = { streamId: tail.stream_id, version: tail.version };
    yield { kind: 'progress', phase: 'chains', checked, total };
  }
  // 2b. An erased event is vouched for by its leaf: one the signed checkpoint covers.
  const signedErased = new Set<number>();
  for (let i = 0; i < erased.length; i += PAGE) {
    const rows = await ds.query(
      `SELECT global_position FROM merkle_leaves WHERE global_position = ANY($1::bigint[]) AND leaf_index < $2`,
      [erased.slice(i, i + PAGE).map((x) => x.position), checkpoint.treeSize],
    );
    for (const r of rows) signedErased.add(Number(r.global_position));
  }
  for (const { at, position } of erased) {
    if (signedErased.has(position)) continue;
    yield problem(
      { streamId: at.streamId, version: at.version },
      `version ${at.version} is erased, but no signed leaf records it: nothing vouches for it`,
    );
  }
  // 3. Events neither in the log nor waiting for it: only a write around the append path does that.
  const unlogged = await ds.query(
    `SELECT e.stream_id, e.version FROM events e
     WHERE NOT EXISTS (SELECT 1 FROM merkle_leaves l WHERE l.global_position = e.global_position)
       AND NOT EXISTS (SELECT 1 FROM transparency_queue q WHERE q.global_position = e.global_position)
     ORDER BY e.global_position LIMIT 100`,
  );
  for (const r of unlogged) {
    yield problem(
      { streamId: r.stream_id, version: r.version },
      `version ${r.version} was stored around the append path: it is not in the log`,
    );
  }
  yield { kind: 'progress', phase: 'unlogged', checked: total, total };
}

function problem(
  at: { streamId: string | null; version: number },
  reason: string,
  diff: { expected?: string; found?: string } = {},
): WholeLogStep {
  return { kind: 'problem', problem: { ...at, reason, ...diff } };
}

function isErased(e: StoredEvent, opts: ChainCheckOptions): boolean {
  const c = checkContent(e.prevHash, e, opts.redactableFields);
  return c.ok && c.erased !== undefined;
}

function chainFault(
  chain: { version: number; hash: string },
  e: StoredEvent,
  opts: ChainCheckOptions,
): Omit<WholeLogProblem, 'streamId'> | 'erased' | null {
  if (e.version !== chain.version + 1) {
    return { version: chain.version + 1, reason: `version ${chain.version + 1} is missing` };
  }
  if (e.prevHash !== chain.hash) {
    const reason = 'prev_hash does not match the previous event';
    return { version: e.version, reason, expected: chain.hash, found: e.prevHash };
  }
  const content = checkContent(chain.hash, e, opts.redactableFields);
  if (!content.ok) return { version: e.version, reason: content.reason, expected: content.expected, found: e.hash };
  return content.erased ? 'erased' : null;
}
