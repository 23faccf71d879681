import { nodeHash } from './merkle.hash';
import type { NodeAt, NodeId } from './merkle.proofs';

/**
 * Which complete subtrees the log stores: the leaves (on their `merkle_leaves` rows) and every
 * MERKLE_NODE_STRIDE-th level above them. Any other node is rebuilt from at most 2^(stride-1) stored
 * ones below it, so a proof costs a few more hashes and the sequencer writes a sixteenth of the nodes.
 */
export const MERKLE_NODE_STRIDE = 4;

export const isStoredLevel = (level: number): boolean => level % MERKLE_NODE_STRIDE === 0;

/** The stored nodes a node is computed from: itself when stored, else its descendants at the stored level below. */
export function storedBelow({ level, index }: NodeId): NodeId[] {
  const base = level - (level % MERKLE_NODE_STRIDE);
  const width = 2 ** (level - base);
  return Array.from({ length: width }, (_, k) => ({ level: base, index: index * width + k }));
}

/** A NodeAt over the stored nodes only, computing (and remembering) the levels between. */
export function nodeAtFromStored(stored: NodeAt): NodeAt {
  const computed = new Map<string, Uint8Array>();
  const at: NodeAt = (level, index) => {
    if (isStoredLevel(level)) return stored(level, index);
    const key = `${level}/${index}`;
    let hash = computed.get(key);
    if (!hash) {
      hash = nodeHash(at(level - 1, index * 2), at(level - 1, index * 2 + 1));
      computed.set(key, hash);
    }
    return hash;
  };
  return at;
}
