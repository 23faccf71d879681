import inclusionVectors from './vectors/inclusion.json';
import consistencyVectors from './vectors/consistency.json';
import reference from './vectors/reference-tree.json';
import { EMPTY_ROOT, leafHash, nodeHash, rootOfLeaves } from './merkle.hash';
import { verifyConsistency, verifyInclusion } from './merkle.verify';

const b64 = (s: string) => Buffer.from(s, 'base64');
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const proofOf = (p: string[] | null) => (p ?? []).map(b64);

describe('RFC 6962 hashing, against transparency-dev/merkle', () => {
  it('hashes the empty tree, an empty leaf, a leaf and a node as the reference hasher does', () => {
    expect(hex(EMPTY_ROOT)).toBe(reference.hasher.emptyRoot);
    expect(hex(leafHash(Buffer.alloc(0)))).toBe(reference.hasher.emptyLeaf);
    expect(hex(leafHash(Buffer.from('L123456')))).toBe(reference.hasher.leafL123456);
    expect(hex(nodeHash(Buffer.from('N123'), Buffer.from('N456')))).toBe(reference.hasher.nodeN123N456);
  });

  it('gives every leaf of the reference tree its published hash', () => {
    const leaves = reference.leafInputsHex.map((h) => leafHash(Buffer.from(h, 'hex')));
    expect(leaves.map(hex)).toEqual(reference.nodeHashes[0]);
  });

  it('gives every prefix of the reference tree its published root', () => {
    const leaves = reference.leafInputsHex.map((h) => leafHash(Buffer.from(h, 'hex')));
    const roots = reference.rootHashes.map((_, size) => hex(rootOfLeaves(leaves.slice(0, size))));
    expect(roots).toEqual(reference.rootHashes);
  });
});

describe('inclusion proofs, against the published vectors', () => {
  it.each(inclusionVectors.map((v) => [v.source, v] as const))('%s', (_source, v) => {
    const ok = verifyInclusion(v.leafIdx, v.treeSize, b64(v.leafHash), proofOf(v.proof), b64(v.root));
    expect(ok).toBe(!v.wantErr);
  });

  it('holds vectors that must fail as well as ones that must pass', () => {
    expect(inclusionVectors.filter((v) => v.wantErr).length).toBeGreaterThan(50);
    expect(inclusionVectors.filter((v) => !v.wantErr).length).toBeGreaterThan(3);
  });
});

describe('consistency proofs, against the published vectors', () => {
  it.each(consistencyVectors.map((v) => [v.source, v] as const))('%s', (_source, v) => {
    const ok = verifyConsistency(v.size1, v.size2, b64(v.root1), b64(v.root2), proofOf(v.proof));
    expect(ok).toBe(!v.wantErr);
  });

  it('holds vectors that must fail as well as ones that must pass', () => {
    expect(consistencyVectors.filter((v) => v.wantErr).length).toBeGreaterThan(50);
    expect(consistencyVectors.filter((v) => !v.wantErr).length).toBeGreaterThan(3);
  });
});
