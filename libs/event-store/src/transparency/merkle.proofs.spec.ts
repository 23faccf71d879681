import inclusionVectors from './vectors/inclusion.json';
import consistencyVectors from './vectors/consistency.json';
import reference from './vectors/reference-tree.json';
import { appendLeaves, EMPTY_FRONTIER, frontierRoot, type StoredNode } from './merkle.frontier';
import { leafHash, rootOfLeaves } from './merkle.hash';
import { consistencyProof, inclusionProof, nodesNeeded, type NodeAt } from './merkle.proofs';
import { verifyConsistency, verifyInclusion } from './merkle.verify';

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
const leavesOf = (n: number) => Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`entry ${i}`)));

/** A log grown one batch at a time, as the sequencer grows it, with its nodes in a map. */
function grow(leaves: Buffer[], batch: number) {
  const stored = new Map<string, Buffer>();
  let frontier = EMPTY_FRONTIER;
  for (let i = 0; i < leaves.length; i += batch) {
    const next = appendLeaves(frontier, leaves.slice(i, i + batch));
    next.completed.forEach((n: StoredNode) => stored.set(`${n.level}/${n.index}`, n.hash));
    frontier = next.frontier;
  }
  const nodeAt: NodeAt = (level, index) => {
    const hash = stored.get(`${level}/${index}`);
    if (!hash) throw new Error(`node ${level}/${index} was never stored`);
    return hash;
  };
  return { frontier, nodeAt, stored };
}

describe('the incrementally grown log', () => {
  it('stores the reference tree node for node', () => {
    const leaves = reference.leafInputsHex.map((h) => leafHash(Buffer.from(h, 'hex')));
    const { stored } = grow(leaves, 3);
    reference.nodeHashes.forEach((level, l) =>
      level.forEach((hash, i) => expect(stored.get(`${l}/${i}`)?.toString('hex')).toBe(hash)),
    );
  });

  it.each([1, 2, 7, 100])('has the root of the definition at every size, appended %i at a time', (batch) => {
    const leaves = leavesOf(70);
    for (let size = 0; size <= leaves.length; size++) {
      expect(frontierRoot(grow(leaves.slice(0, size), batch).frontier)).toEqual(rootOfLeaves(leaves.slice(0, size)));
    }
  });
});

describe('proofs built from stored nodes', () => {
  it('are the published proofs of the reference tree', () => {
    const { nodeAt } = grow(
      reference.leafInputsHex.map((h) => leafHash(Buffer.from(h, 'hex'))),
      8,
    );
    for (const v of inclusionVectors.filter((x) => !x.wantErr && x.treeSize <= 8)) {
      expect(inclusionProof(v.leafIdx, v.treeSize, nodeAt).map(b64)).toEqual(v.proof ?? []);
    }
    for (const v of consistencyVectors.filter((x) => !x.wantErr && x.size2 <= 8 && x.size1 > 0)) {
      expect(consistencyProof(v.size1, v.size2, nodeAt).map(b64)).toEqual(v.proof ?? []);
    }
  });

  it('verify for every leaf of every tree up to 40 leaves, and fail for the neighbour leaf', () => {
    const leaves = leavesOf(40);
    const { nodeAt } = grow(leaves, 5);
    for (let size = 1; size <= leaves.length; size++) {
      const root = rootOfLeaves(leaves.slice(0, size));
      for (let i = 0; i < size; i++) {
        const proof = inclusionProof(i, size, nodeAt);
        expect(verifyInclusion(i, size, leaves[i], proof, root)).toBe(true);
        if (size > 1) expect(verifyInclusion(i, size, leaves[(i + 1) % size], proof, root)).toBe(false);
      }
    }
  });

  it('prove every smaller tree a prefix of every larger one up to 40 leaves, and not a forged one', () => {
    const leaves = leavesOf(40);
    const { nodeAt } = grow(leaves, 6);
    const forged = [...leaves];
    forged[0] = leafHash(Buffer.from('forged'));
    for (let to = 1; to <= leaves.length; to++) {
      for (let from = 1; from <= to; from++) {
        const [r1, r2] = [rootOfLeaves(leaves.slice(0, from)), rootOfLeaves(leaves.slice(0, to))];
        const proof = consistencyProof(from, to, nodeAt);
        expect(verifyConsistency(from, to, r1, r2, proof)).toBe(true);
        expect(verifyConsistency(from, to, rootOfLeaves(forged.slice(0, from)), r2, proof)).toBe(false);
      }
    }
  });

  it('need O(log n) stored nodes, which a dry run lists before any is read', () => {
    const needed = nodesNeeded((nodeAt) => inclusionProof(123_456, 1_000_000, nodeAt));
    expect(needed.length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(1_000_000)));
    expect(needed.every((n) => n.index * 2 ** n.level < 1_000_000)).toBe(true);
  });
});
