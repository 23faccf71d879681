import { nodeHash, splitPoint } from './merkle.hash';
import { ProofRequestInvalid, subtreeHash, type NodeAt } from './merkle.proofs';

/**
 * One proof that many leaves are in one tree (a Merkle multiproof over RFC 6962's tree shape): the
 * hash of every subtree that holds none of the leaves while its sibling holds some, left to right.
 * A verifier rebuilds the root once from the leaves and these, hashing each shared node once, where
 * one audit path per leaf would climb the same nodes again for every leaf (a bundle's 10,000 leaves).
 * `indexes` ascend strictly; the proof's shape depends only on them and `size`.
 */
export function multiInclusionProof(indexes: readonly number[], size: number, nodeAt: NodeAt): Uint8Array[] {
  if (!ascendingWithin(indexes, size)) {
    throw new ProofRequestInvalid(`leaves must ascend, each in a tree of ${size}`);
  }
  const proof: Uint8Array[] = [];
  if (indexes.length === 0) return proof;
  walk(indexes, 0, size, 0, indexes.length, {
    none: (start, end) => void proof.push(subtreeHash(start, end, nodeAt)),
    leaf: () => undefined,
    node: () => undefined,
  });
  return proof;
}

/**
 * The root that `leaves` (hashes, at `indexes`, ascending) and a multiproof make in a tree of
 * `size`, or null when the proof does not fit those leaves (too short, too long, a bad hash).
 */
export function rootFromMultiProof(
  size: number,
  indexes: readonly number[],
  leaves: readonly Uint8Array[],
  proof: readonly Uint8Array[],
): Uint8Array | null {
  if (!ascendingWithin(indexes, size) || leaves.length !== indexes.length || indexes.length === 0) return null;
  if (proof.some((p) => p.length !== 32) || leaves.some((l) => l.length !== 32)) return null;
  let next = 0;
  const root = walk<Uint8Array | null>(indexes, 0, size, 0, indexes.length, {
    none: () => (next < proof.length ? proof[next++] : null),
    leaf: (k) => leaves[k],
    node: (left, right) => (left && right ? nodeHash(left, right) : null),
  });
  return root && next === proof.length ? root : null;
}

interface Visit<T> {
  /** A subtree [start, end) holding none of the leaves. */
  none(start: number, end: number): T;
  /** The k-th leaf. */
  leaf(k: number): T;
  node(left: T, right: T): T;
}

/** RFC 6962's recursion over [start, end), indexes[from, to) being the leaves inside it. */
function walk<T>(indexes: readonly number[], start: number, end: number, from: number, to: number, v: Visit<T>): T {
  if (from === to) return v.none(start, end);
  if (end - start === 1) return v.leaf(from);
  const mid = start + splitPoint(end - start);
  let cut = from;
  let hi = to;
  while (cut < hi) {
    const m = (cut + hi) >>> 1;
    if (indexes[m] < mid) cut = m + 1;
    else hi = m;
  }
  return v.node(walk(indexes, start, mid, from, cut, v), walk(indexes, mid, end, cut, to, v));
}

function ascendingWithin(indexes: readonly number[], size: number): boolean {
  if (!(Number.isSafeInteger(size) && size >= 1)) return false;
  for (let k = 0; k < indexes.length; k++) {
    const i = indexes[k];
    if (!(Number.isSafeInteger(i) && i >= 0 && i < size && (k === 0 || i > indexes[k - 1]))) return false;
  }
  return true;
}
