import { EMPTY_ROOT, nodeHash } from './merkle.hash';
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
  const nodes = [...frontier.nodes];
  const completed: StoredNode[] = [];
  let size = frontier.size;
  for (const hash of leaves) {
    let node: StoredNode = { level: 0, index: size, hash };
    completed.push(node);
    // Two subtrees of the same height side by side complete their parent; carry like a binary counter.
    while (nodes.length > 0 && nodes[nodes.length - 1].level === node.level) {
      const left = nodes.pop()!;
      node = { level: node.level + 1, index: left.index / 2, hash: nodeHash(left.hash, node.hash) };
      completed.push(node);
    }
    nodes.push(node);
    size += 1;
  }
  return { frontier: { size, nodes }, completed };
}

/** MTH of the whole tree: the frontier's subtrees folded from the right. */
export function frontierRoot(frontier: Frontier): Buffer {
  if (frontier.nodes.length === 0) return EMPTY_ROOT;
  let root = frontier.nodes[frontier.nodes.length - 1].hash;
  for (let i = frontier.nodes.length - 2; i >= 0; i--) root = nodeHash(frontier.nodes[i].hash, root);
  return root;
}
