import { appendLeaves, EMPTY_FRONTIER } from './merkle.frontier';
import { leafHash, rootOfLeaves } from './merkle.hash';
import { consistencyProof, inclusionProof, nodesNeeded, type NodeAt } from './merkle.proofs';
import { isStoredLevel, nodeAtFromStored, storedBelow } from './merkle.stored-nodes';
import { verifyConsistency, verifyInclusion } from './merkle.verify';

const leaves = Array.from({ length: 300 }, (_, i) => leafHash(Buffer.from(`entry ${i}`)));

/** The log as the sequencer keeps it: only the stored levels, grown 37 leaves at a time. */
function keptLevels(n: number): Map<string, Buffer> {
  const kept = new Map<string, Buffer>();
  let frontier = EMPTY_FRONTIER;
  for (let i = 0; i < n; i += 37) {
    const next = appendLeaves(frontier, leaves.slice(i, Math.min(i + 37, n)));
    for (const node of next.completed)
      if (isStoredLevel(node.level)) kept.set(`${node.level}/${node.index}`, node.hash);
    frontier = next.frontier;
  }
  return kept;
}

describe('proofs over the stored levels only', () => {
  it.each([1, 2, 15, 16, 17, 255, 256, 257, 300])(
    'verify in a tree of %i leaves, reading only what storedBelow lists',
    (size) => {
      const kept = keptLevels(size);
      const root = rootOfLeaves(leaves.slice(0, size));
      const build = (nodeAt: NodeAt) => [
        ...[0, Math.floor(size / 3), size - 1].map((i) => inclusionProof(i, size, nodeAt)),
        ...[1, Math.ceil(size / 2), size].map((from) => consistencyProof(from, size, nodeAt)),
      ];
      const listed = new Set(
        nodesNeeded(build)
          .flatMap(storedBelow)
          .map((n) => `${n.level}/${n.index}`),
      );
      const proofs = build(
        nodeAtFromStored((level, index) => {
          const key = `${level}/${index}`;
          if (!listed.has(key)) throw new Error(`read ${key}, which the dry run did not list`);
          return kept.get(key)!;
        }),
      );
      [0, Math.floor(size / 3), size - 1].forEach((i, k) =>
        expect(verifyInclusion(i, size, leaves[i], proofs[k], root)).toBe(true),
      );
      [1, Math.ceil(size / 2), size].forEach((from, k) =>
        expect(verifyConsistency(from, size, rootOfLeaves(leaves.slice(0, from)), root, proofs[3 + k])).toBe(true),
      );
    },
  );

  it('keeps about one node in sixteen above the leaves', () => {
    const interior = [...keptLevels(256).keys()].filter((k) => !k.startsWith('0/'));
    expect(interior.sort()).toEqual([...Array.from({ length: 16 }, (_, i) => `4/${i}`), '8/0'].sort());
  });
});
