import { appendLatin1Leaves, appendLeaves, EMPTY_FRONTIER, frontierRoot, type Frontier } from './merkle.frontier';
import { leafHash, leafHashOfText, leafHashOfTextLatin1, nodeHash, nodeHashLatin1, rootOfLeaves } from './merkle.hash';
import { isStoredLevel } from './merkle.stored-nodes';

const entries = Array.from({ length: 1000 }, (_, i) => `entry ${i} « é » 😀`);
const leaves = entries.map((e) => leafHash(Buffer.from(e, 'utf8')));
const storedAbove = (level: number) => level > 0 && isStoredLevel(level);

describe('hashes held as latin1 strings', () => {
  it('are the leaf and node hashes, one character per byte', () => {
    expect(Buffer.from(leafHashOfTextLatin1(entries[7]), 'latin1')).toEqual(leafHashOfText(entries[7]));
    const [l, r] = [leaves[0].toString('latin1'), leaves[1].toString('latin1')];
    expect(Buffer.from(nodeHashLatin1(l, r), 'latin1')).toEqual(nodeHash(leaves[0], leaves[1]));
  });
});

describe('the sequencer appending latin1 leaf hashes in batches', () => {
  it.each([1, 7, 16, 37, 1000])('keeps the root of the definition and the stored nodes, %i leaves a batch', (n) => {
    let frontier: Frontier = EMPTY_FRONTIER;
    const kept = new Map<string, string>();
    for (let i = 0; i < leaves.length; i += n) {
      const batch = entries.slice(i, i + n).map(leafHashOfTextLatin1);
      const next = appendLatin1Leaves(frontier, batch, storedAbove);
      for (const node of next.kept) kept.set(`${node.level}/${node.index}`, node.hash);
      frontier = next.frontier;
    }
    expect(frontier.size).toBe(leaves.length);
    expect(frontierRoot(frontier)).toEqual(rootOfLeaves(leaves));
    const expected = appendLeaves(EMPTY_FRONTIER, leaves).completed.filter((c) => storedAbove(c.level));
    expect(kept).toEqual(new Map(expected.map((c) => [`${c.level}/${c.index}`, c.hash.toString('latin1')])));
  });
});
