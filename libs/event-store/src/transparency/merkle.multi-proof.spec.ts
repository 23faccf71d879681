import { appendLeaves, EMPTY_FRONTIER } from './merkle.frontier';
import { leafHash, rootOfLeaves } from './merkle.hash';
import { multiInclusionProof, rootFromMultiProof } from './merkle.multi-proof';
import { inclusionProof, nodesNeeded, type NodeAt } from './merkle.proofs';

const leavesOf = (n: number) => Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`entry ${i}`)));

function nodeAtOf(leaves: Buffer[]): NodeAt {
  const stored = new Map(appendLeaves(EMPTY_FRONTIER, leaves).completed.map((n) => [`${n.level}/${n.index}`, n.hash]));
  return (level, index) => stored.get(`${level}/${index}`)!;
}

/** Every subset of a tree's leaves given by a bit mask, for the small trees. */
const subsets = (size: number) =>
  Array.from({ length: 2 ** size - 1 }, (_, m) =>
    Array.from({ length: size }, (_, i) => i).filter((i) => ((m + 1) >> i) & 1),
  );

describe('a multiproof of many leaves in one tree', () => {
  const leaves = leavesOf(13);
  const nodeAt = nodeAtOf(leaves);

  it('leads every subset of every tree up to 13 leaves to the root of the definition', () => {
    for (let size = 1; size <= leaves.length; size++) {
      const root = rootOfLeaves(leaves.slice(0, size));
      for (const indexes of subsets(size)) {
        const proof = multiInclusionProof(indexes, size, nodeAt);
        const found = rootFromMultiProof(
          size,
          indexes,
          indexes.map((i) => leaves[i]),
          proof,
        );
        expect(Buffer.from(found!).equals(root)).toBe(true);
      }
    }
  });

  it('holds the hashes of the audit path for a single leaf, left to right rather than bottom up', () => {
    const hex = (hashes: Uint8Array[]) => hashes.map((h) => Buffer.from(h).toString('hex')).sort();
    for (let i = 0; i < 13; i++) {
      expect(hex(multiInclusionProof([i], 13, nodeAt))).toEqual(hex(inclusionProof(i, 13, nodeAt)));
    }
  });

  it('leads nowhere near the root when one leaf is swapped for another', () => {
    const indexes = [2, 3, 7, 11];
    const proof = multiInclusionProof(indexes, 13, nodeAt);
    const swapped = [leaves[3], leaves[2], leaves[7], leaves[11]];
    expect(Buffer.from(rootFromMultiProof(13, indexes, swapped, proof)!).equals(rootOfLeaves(leaves))).toBe(false);
  });

  it('fits no other leaves, tree size, or proof length', () => {
    const proof = multiInclusionProof([1, 4], 13, nodeAt);
    const two = [leaves[1], leaves[4]];
    expect(rootFromMultiProof(13, [1, 4], two, proof.slice(1))).toBeNull();
    expect(rootFromMultiProof(13, [1, 4], two, [...proof, leaves[0]])).toBeNull();
    expect(rootFromMultiProof(13, [4, 1], two, proof)).toBeNull();
    expect(rootFromMultiProof(13, [1, 1], two, proof)).toBeNull();
    expect(rootFromMultiProof(13, [1, 13], two, proof)).toBeNull();
    expect(rootFromMultiProof(13, [1, 4], [leaves[1]], proof)).toBeNull();
  });

  it('refuses leaves out of order or outside the tree', () => {
    expect(() => multiInclusionProof([3, 2], 13, nodeAt)).toThrow('must ascend');
    expect(() => multiInclusionProof([13], 13, nodeAt)).toThrow('must ascend');
  });

  it('needs a handful of stored nodes for a long run of leaves, where separate proofs need thousands', () => {
    const run = Array.from({ length: 10_000 }, (_, i) => 123_456 + i);
    const multi = nodesNeeded((at) => multiInclusionProof(run, 1_000_000, at));
    expect(multi.length).toBeLessThan(50);
  });
});
