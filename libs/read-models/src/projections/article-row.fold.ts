/**
 * Names what `evolveArticleRow` makes of a stream. Anything derived from it and kept (time travel's
 * snapshots) records this name and is ignored under another, so change it whenever the fold changes
 * what a row holds: article-row.fold.spec.ts fails until it is changed.
 */
export const ARTICLE_ROW_FOLD = 'article-row/1';
