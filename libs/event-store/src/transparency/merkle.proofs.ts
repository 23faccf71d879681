import { nodeHash, splitPoint } from './merkle.hash';

/**
 * A complete subtree's hash: level L, index i covers leaves [i·2^L, (i+1)·2^L). The log stores
 * every such node as it completes, so a proof needs O(log n) of them, never the leaves.
 */
export type NodeAt = (level: number, index: number) => Uint8Array;

export interface NodeId {
  level: number;
  index: number;
}

export class ProofRequestInvalid extends Error {}

/**
 * MTH(D[start:end]) where start is a multiple of the subtree's split, as every subtree of an RFC 6962
 * tree is: a power-of-two range is one stored node, any other is split at its largest power of two.
 */
export function subtreeHash(start: number, end: number, nodeAt: NodeAt): Uint8Array {
  const n = end - start;
  const level = Math.log2(n);
  if (Number.isInteger(level)) return nodeAt(level, start / n);
  const k = splitPoint(n);
  return nodeHash(subtreeHash(start, start + k, nodeAt), subtreeHash(start + k, end, nodeAt));
}

/** RFC 9162 §2.1.3.1: the audit path of leaf `index` in the tree of the first `size` leaves. */
export function inclusionProof(index: number, size: number, nodeAt: NodeAt): Uint8Array[] {
  if (!(index >= 0 && index < size)) throw new ProofRequestInvalid(`leaf ${index} is not in a tree of ${size}`);
  const path = (m: number, start: number, end: number): Uint8Array[] => {
    if (end - start === 1) return [];
    const mid = start + splitPoint(end - start);
    return m < mid
      ? [...path(m, start, mid), subtreeHash(mid, end, nodeAt)]
      : [...path(m, mid, end), subtreeHash(start, mid, nodeAt)];
  };
  return path(index, 0, size);
}

/** RFC 9162 §2.1.4.1: proof that the tree of `from` leaves is a prefix of the tree of `to` leaves. */
export function consistencyProof(from: number, to: number, nodeAt: NodeAt): Uint8Array[] {
  if (!(from >= 1 && from <= to)) throw new ProofRequestInvalid(`size ${from} cannot precede size ${to}`);
  if (from === to) return [];
  const sub = (m: number, start: number, end: number, whole: boolean): Uint8Array[] => {
    if (m === end - start) return whole ? [] : [subtreeHash(start, end, nodeAt)];
    const k = splitPoint(end - start);
    return m <= k
      ? [...sub(m, start, start + k, whole), subtreeHash(start + k, end, nodeAt)]
      : [...sub(m - k, start + k, end, false), subtreeHash(start, start + k, nodeAt)];
  };
  return sub(from, 0, to, true);
}

/**
 * Which stored nodes `build` reads. Which nodes a proof needs depends only on the sizes, never on
 * hash values, so a dry run with placeholder hashes lists them for one query to the store.
 */
export function nodesNeeded(build: (nodeAt: NodeAt) => unknown): NodeId[] {
  const seen = new Map<string, NodeId>();
  build((level, index) => {
    seen.set(`${level}/${index}`, { level, index });
    return PLACEHOLDER;
  });
  return [...seen.values()];
}

const PLACEHOLDER = new Uint8Array(32);
