import { EMPTY_ROOT, nodeHash, nodeHashLatin1 } from './merkle.hash';
import type { NodeId } from './merkle.proofs';

export interface StoredNode extends NodeId {
  hash: Buffer;
}

/**
 * The right edge of a tree (a compact range from 0): the roots of its maximal complete subtrees,
 * largest first. Enough to append a leaf and to compute the root without reading any other node.
 */
export interface Frontier {
  size: number;
  nodes: StoredNode[];
}

export const EMPTY_FRONTIER: Frontier = { size: 0, nodes: [] };

/**
 * Appends leaf hashes and returns the grown frontier with every node that completed on the way
 * (the leaves included), which the log stores so that later proofs are lookups.
 */
export function appendLeaves(
  frontier: Frontier,
  leaves: readonly Buffer[],
): { frontier: Frontier; completed: StoredNode[] } {
  const grown = appendLatin1Leaves(
    frontier,
    leaves.map((l) => l.toString('latin1')),
    () => true,
  );
  return {
    frontier: grown.frontier,
    completed: grown.kept.map((n) => ({ ...n, hash: Buffer.from(n.hash, 'latin1') })),
  };
}

/** A complete subtree with its hash as a latin1 string, one character per byte. */
export interface Latin1Node extends NodeId {
  hash: string;
}

/**
 * appendLeaves over hashes held as latin1 strings (see leafHashOfTextLatin1), answering only the
 * completed nodes `keep` asks for: the sequencer's hot path, where a Buffer per leaf and per node
 * cost more than the hashing.
 */
export function appendLatin1Leaves(
  frontier: Frontier,
  leaves: readonly string[],
  keep: (level: number) => boolean,
): { frontier: Frontier; kept: Latin1Node[] } {
  const nodes: Latin1Node[] = frontier.nodes.map((n) => ({ ...n, hash: n.hash.toString('latin1') }));
  const kept: Latin1Node[] = [];
  let size = frontier.size;
  for (const hash of leaves) {
    let node: Latin1Node = { level: 0, index: size, hash };
    if (keep(0)) kept.push(node);
    // Two subtrees of the same height side by side complete their parent; carry like a binary counter.
    while (nodes.length > 0 && nodes[nodes.length - 1].level === node.level) {
      const left = nodes.pop()!;
      node = { level: node.level + 1, index: left.index / 2, hash: nodeHashLatin1(left.hash, node.hash) };
      if (keep(node.level)) kept.push(node);
    }
    nodes.push(node);
    size += 1;
  }
  return { frontier: { size, nodes: nodes.map((n) => ({ ...n, hash: Buffer.from(n.hash, 'latin1') })) }, kept };
}

/** MTH of the whole tree: the frontier's subtrees folded from the right. */
export function frontierRoot(frontier: Frontier): Buffer {
  if (frontier.nodes.length === 0) return EMPTY_ROOT;
  let root = frontier.nodes[frontier.nodes.length - 1].hash;
  for (let i = frontier.nodes.length - 2; i >= 0; i--) root = nodeHash(frontier.nodes[i].hash, root);
  return root;
}
