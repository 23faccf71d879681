import { describe, expect, it } from '@jest/globals';
import type { ArticleListItem } from '@newsroom/contracts';
import { catchUpOf } from './list-catch-up';

const item = (id: string, version: number) => ({ id, version }) as ArticleListItem;
const column = (...items: ArticleListItem[][]) => ({ pages: items.map((i) => ({ items: i, nextCursor: null })) });

describe('whether the board caught up with a change it was told of', () => {
  it('is done when a column shows the article at the version of the change', () => {
    expect(catchUpOf([column([item('A', 3)])], 'A', 3)).toBe('done');
  });

  it('is done when a later page of another column shows a newer version', () => {
    expect(catchUpOf([column([item('B', 1)]), column([item('C', 1)], [item('A', 5)])], 'A', 3)).toBe('done');
  });

  it('is behind when the only card of the article is at an older version', () => {
    expect(catchUpOf([column([item('A', 2)])], 'A', 3)).toBe('behind');
  });

  it('is absent when no loaded page shows the article, and ignores data that is not a list (the counts)', () => {
    expect(catchUpOf([column([item('B', 9)]), { byStatus: {}, total: 0 }, undefined], 'A', 3)).toBe('absent');
  });
});
