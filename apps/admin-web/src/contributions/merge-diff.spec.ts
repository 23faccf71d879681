import { describe, expect, it } from '@jest/globals';
import type { BodyBlockView, ContributionPreview } from '@newsroom/contracts';
import { mergeDiff } from './merge-diff';

const p = (text: string): BodyBlockView => ({ type: 'paragraph', text });
const article = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'].map(p);
const added = [p('n1'), p('n2')];
const preview = (atBlock: number): ContributionPreview => ({
  articleVersion: 7,
  atBlock,
  before: article,
  after: [...article.slice(0, atBlock), ...added, ...article.slice(atBlock)],
});
const shape = (atBlock: number, context?: number) =>
  mergeDiff(preview(atBlock), context).map((l) =>
    l.kind === 'gap' ? `…${l.count}` : l.kind === 'added' ? `+${l.to}` : `${l.from}→${l.to}`,
  );

describe('mergeDiff', () => {
  it('shows the added blocks in the middle with two kept blocks either side and folds the rest', () => {
    expect(shape(3)).toEqual(['…1', '2→2', '3→3', '+4', '+5', '4→6', '5→7', '…1']);
  });

  it('at the start: nothing before, the first article blocks move down by the added count', () => {
    expect(shape(0)).toEqual(['+1', '+2', '1→3', '2→4', '…4']);
  });

  it('at the end: the last blocks kept as they are, the added ones last', () => {
    expect(shape(6)).toEqual(['…4', '5→5', '6→6', '+7', '+8']);
  });

  it('into an empty article: only the added blocks', () => {
    const empty: ContributionPreview = { articleVersion: 1, atBlock: 0, before: [], after: added };
    expect(mergeDiff(empty).map((l) => l.kind)).toEqual(['added', 'added']);
  });

  it('with a wide context, every kept block is listed and nothing is folded', () => {
    expect(shape(3, 10)).toEqual(['1→1', '2→2', '3→3', '+4', '+5', '4→6', '5→7', '6→8']);
  });
});
