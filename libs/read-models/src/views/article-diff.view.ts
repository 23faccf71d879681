import type { ArticleDiff, FieldChange } from '@newsroom/contracts';
import type { ArticleRow } from '../projections/article-state.projection';
import { bodyText, fieldChanges, wordDiff } from '../projections/word-diff';

/** What changed in the working copy from `a` to `b`, with a word-level diff of the body. */
export function articleDiffOf(a: ArticleRow, b: ArticleRow): ArticleDiff {
  const changes: FieldChange[] = fieldChanges(a.working, b.working).map((c) => ({
    field: c.field,
    before: c.before,
    after: c.after,
  }));
  if (a.status !== b.status) changes.push({ field: 'status', before: a.status, after: b.status });
  return {
    id: a.articleId,
    from: a.version,
    to: b.version,
    changes,
    body: wordDiff(bodyText(a.working.body), bodyText(b.working.body)).map(({ op, text }) => ({ op, text })),
  };
}
