import type { BodyBlockView, ContributionPreview } from '@newsroom/contracts';

/** One line of the merge's diff: an article block kept (with its number before and after), an added one, or a gap. */
export type DiffLine =
  | { kind: 'kept'; block: BodyBlockView; from: number; to: number }
  | { kind: 'added'; block: BodyBlockView; to: number }
  | { kind: 'gap'; count: number };

/**
 * The body after the merge as a diff with `context` unchanged blocks either side of the insertion;
 * longer runs of unchanged blocks fold into one gap line. Numbers are 1-based, as the editor reads them.
 */
export function mergeDiff(preview: ContributionPreview, context = 2): DiffLine[] {
  const { atBlock, before, after } = preview;
  const added = after.length - before.length;
  const lines: DiffLine[] = [];
  let gap = 0;
  after.forEach((block, i) => {
    if (i >= atBlock && i < atBlock + added) {
      lines.push({ kind: 'added', block, to: i + 1 });
      return;
    }
    const near = i < atBlock ? atBlock - i <= context : i - (atBlock + added) < context;
    if (!near) {
      gap++;
      return;
    }
    if (gap > 0) lines.push({ kind: 'gap', count: gap });
    gap = 0;
    lines.push({ kind: 'kept', block, from: i < atBlock ? i + 1 : i - added + 1, to: i + 1 });
  });
  if (gap > 0) lines.push({ kind: 'gap', count: gap });
  return lines;
}
