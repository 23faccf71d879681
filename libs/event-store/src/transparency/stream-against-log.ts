import { verifyHashChain, type ChainCheckOptions } from '../event-store.port';
import { checkContent } from '../shredding/erased-field';
import type { StoredEvent, VerifyResult } from '../event-store.types';
import { logEntry } from './log-entry';
import { leafHash } from './merkle.hash';
import type { LogLeaf } from './merkle-log';
import { verifyInclusion } from './merkle.verify';

export interface LogEvidence {
  /** The signed tree head the events are checked against. */
  checkpoint: { size: number; root: Uint8Array };
  /** Every leaf the log holds for the stream, by version then leaf index (some may be past the checkpoint). */
  leaves: readonly LogLeaf[];
  /** Global positions still waiting for the sequencer: not in the log yet, and rightly so. */
  queued: ReadonlySet<number>;
  /** An inclusion proof to the checkpoint for each of those leaves, by leaf index. */
  proofs: ReadonlyMap<number, readonly Uint8Array[]>;
  /**
   * The leaf hashes the log recorded, by leaf index: what an event erased in place (issue #12) is
   * checked by, since its own leaf hash can no longer be recomputed. Needed only for those.
   */
  recorded?: ReadonlyMap<number, Uint8Array>;
}

export type LoggedVerifyResult = VerifyResult & { logged: number; pending: number };

/**
 * The stream's hash chain, then each of its events against the signed log: every version the log
 * recorded must still be stored with exactly the bytes recorded. So a deleted or truncated event
 * (the log has it, the store not), an edited or recomputed one (its bytes no longer lead to the
 * signed root), an event the log never saw below its newest logged version, and one that never
 * entered the queue are each named by version. Events queued or sequenced after the checkpoint are
 * `pending`: the next checkpoint covers them.
 */
export function verifyStreamAgainstLog(
  events: StoredEvent[],
  log: LogEvidence,
  opts: ChainCheckOptions = {},
): LoggedVerifyResult {
  const chain = verifyHashChain(events, opts);
  // Erased in place: content that cannot be recomputed, so its recorded leaf must be in the signed tree.
  const isErased = (e: StoredEvent) => {
    const c = checkContent(e.prevHash, e, opts.redactableFields);
    return c.ok && c.erased !== undefined;
  };
  const byVersion = new Map(events.map((e) => [e.version, e]));
  const firstLeaf = new Map<number, LogLeaf>();
  const signed = log.leaves.filter((l) => l.leafIndex < log.checkpoint.size);
  for (const leaf of signed) if (!firstLeaf.has(leaf.version)) firstLeaf.set(leaf.version, leaf);
  const sequenced = new Set(log.leaves.map((l) => l.globalPosition));
  const broken = (brokenAt: number, reason: string): LoggedVerifyResult => ({
    valid: false,
    events: events.length,
    brokenAt,
    reason,
    logged: firstLeaf.size,
    pending: 0,
  });
  const problems: Array<[number, string]> = [];
  if (!chain.valid) problems.push([chain.brokenAt, chain.reason]);
  for (const [version, leaf] of [...firstLeaf].sort(([a], [b]) => a - b)) {
    const event = byVersion.get(version);
    if (!event) {
      problems.push([version, `version ${version} is in the signed log (leaf ${leaf.leafIndex}) but not in the store`]);
      continue;
    }
    const proof = log.proofs.get(leaf.leafIndex) ?? [];
    const included = (hash: Uint8Array) =>
      verifyInclusion(leaf.leafIndex, log.checkpoint.size, hash, proof, log.checkpoint.root);
    if (included(leafHash(logEntry(event)))) continue;
    if (isErased(event)) {
      const recorded = log.recorded?.get(leaf.leafIndex);
      if (!recorded || !included(recorded)) {
        problems.push([
          version,
          `version ${version} is erased, and its recorded leaf ${leaf.leafIndex} is not in the signed tree`,
        ]);
      }
      continue;
    }
    problems.push([version, `version ${version} differs from what the signed log recorded at leaf ${leaf.leafIndex}`]);
  }
  for (const leaf of signed) {
    if (firstLeaf.get(leaf.version) !== leaf) {
      problems.push([
        leaf.version,
        `version ${leaf.version} entered the log twice (leaf ${leaf.leafIndex}): rewritten`,
      ]);
    }
  }
  const newestLogged = Math.max(0, ...firstLeaf.keys());
  for (const e of events) {
    if (firstLeaf.has(e.version)) continue;
    if (isErased(e)) {
      problems.push([
        e.version,
        `version ${e.version} is erased, but no signed leaf records it: nothing vouches for it`,
      ]);
    } else if (e.version < newestLogged) {
      problems.push([e.version, `version ${e.version} is not in the signed log, though later versions are`]);
    } else if (!sequenced.has(e.globalPosition) && !log.queued.has(e.globalPosition)) {
      // Every append queues its events in its own transaction; only a write around the store skips that.
      problems.push([e.version, `version ${e.version} was stored around the append path: it is not in the log`]);
    }
  }
  if (problems.length > 0) {
    const [at, reason] = problems.sort(([a], [b]) => a - b)[0];
    return broken(at, reason);
  }
  if (!chain.valid) return broken(chain.brokenAt, chain.reason);
  return { ...chain, logged: firstLeaf.size, pending: events.filter((e) => !firstLeaf.has(e.version)).length };
}
