import { createHash, hash } from 'node:crypto';

/** RFC 6962 §2.1 / RFC 9162 §2.1.1: the hash of the empty tree. */
export const EMPTY_ROOT = createHash('sha256').digest();

/** Leaf = SHA-256(0x00 ‖ entry): the prefix keeps a leaf from ever passing for an interior node. */
export function leafHash(entry: Uint8Array): Buffer {
  // One-shot crypto.hash over one buffer: half the cost of a createHash object per hash, measured.
  return hash('sha256', Buffer.concat([LEAF_PREFIX, entry]), 'buffer');
}

/** leafHash of an entry given as text: its NUL is the 0x00 prefix in UTF-8, with no Buffer copied. */
export function leafHashOfText(entry: string): Buffer {
  return hash('sha256', `\u0000${entry}`, 'buffer');
}

/**
 * leafHashOfText as a latin1 string, one character per byte: a digest answered as a Buffer costs
 * about twice a string's (an ArrayBuffer per hash for the GC), and the sequencer makes one per leaf.
 */
export function leafHashOfTextLatin1(entry: string): string {
  // 'binary' is Node's other name for latin1.
  return hash('sha256', `\u0000${entry}`, 'binary');
}

/** Node = SHA-256(0x01 ‖ left ‖ right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  if (left.length !== 32 || right.length !== 32)
    return hash('sha256', Buffer.concat([NODE_PREFIX, left, right]), 'buffer');
  NODE_INPUT.set(left, 1);
  NODE_INPUT.set(right, 33);
  return hash('sha256', NODE_INPUT, 'buffer');
}

/** nodeHash over hashes held as latin1 strings (see leafHashOfTextLatin1), answered the same way. */
export function nodeHashLatin1(left: string, right: string): string {
  if (left.length !== 32 || right.length !== 32)
    return nodeHash(Buffer.from(left, 'latin1'), Buffer.from(right, 'latin1')).toString('latin1');
  NODE_INPUT.write(left, 1, 'latin1');
  NODE_INPUT.write(right, 33, 'latin1');
  return hash('sha256', NODE_INPUT, 'binary');
}

const LEAF_PREFIX = Buffer.from([0]);
const NODE_PREFIX = Buffer.from([1]);
/** Reused for every node: hashing is synchronous, so no two calls share it at once. */
const NODE_INPUT = Buffer.alloc(65, 1);

/** The largest power of two strictly below n (n > 1): where RFC 6962 splits a tree of n leaves. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** Sizes and indexes go past 2^32, so halving is arithmetic, never `>>`. */
export const half = (x: number): number => Math.floor(x / 2);
export const isOdd = (x: number): boolean => x % 2 === 1;

/** MTH(D[n]) straight from the definition: the reference the incremental and proof code is checked against. */
export function rootOfLeaves(leaves: readonly Uint8Array[]): Buffer {
  if (leaves.length === 0) return EMPTY_ROOT;
  if (leaves.length === 1) return Buffer.from(leaves[0]);
  const k = splitPoint(leaves.length);
  return nodeHash(rootOfLeaves(leaves.slice(0, k)), rootOfLeaves(leaves.slice(k)));
}
