import type { ArticleStatus } from '@newsroom/editorial-domain';
import { evolveArticleRow, type ArticleRow } from './article-state.projection';
import type { ProjectedActor, ProjectedEvent } from './projected-event';
import { textOf } from './redacted-text';

/** Table `article_list`: what the editors' article list shows and filters on, one row per article. */
export interface ArticleListRow {
  articleId: string;
  version: number;
  status: ArticleStatus;
  /** The working headline: the list is the newsroom's view, not the readers'. */
  headline: string;
  sections: string[];
  contributorNames: string[];
  updatedAt: string;
  /** Who made the latest change, whatever it was (a transition too): the board's "last change". */
  updatedBy: ProjectedActor;
  /** When the live copy was last published; kept after unpublishing, when `status` tells the rest. */
  publishedAt: string | null;
  /** The working copy's embargo, shown on the card as a badge. */
  embargoUntil: string | null;
  /** When a scheduled publication is due; null when none is scheduled. */
  publishAt: string | null;
  /** Lower-cased working headline and standfirst, matched with `LIKE '%term%'` on the lower-cased term. */
  searchText: string;
}

/** The list row of an article, derived whole from its state row so the two cannot disagree. */
export function listRowOf(article: ArticleRow): ArticleListRow {
  const { working } = article;
  return {
    articleId: article.articleId,
    version: article.version,
    status: article.status,
    // Text columns: a redacted value (history replayed through a redaction) reads as its order.
    headline: textOf(working.headline),
    sections: [...working.sections],
    contributorNames: working.contributors.map((c) => textOf(c.name)),
    updatedAt: article.updatedAt,
    updatedBy: { ...article.updatedBy },
    publishedAt: article.live?.publishedAt ?? null,
    embargoUntil: working.embargoUntil,
    publishAt: article.scheduled?.publishAt ?? null,
    searchText: searchTextOf(working.headline, working.standfirst),
  };
}

/**
 * The list row after one event, given the article row before it: a list row alone cannot be
 * evolved (removing a contributor needs ids it does not keep). Same gate as evolveArticleRow.
 */
export function evolveListRow(previousArticle: ArticleRow | null, e: ProjectedEvent): ArticleListRow {
  return listRowOf(evolveArticleRow(previousArticle, e));
}

function searchTextOf(...texts: unknown[]): string {
  return texts
    .map((t) => textOf(t).replace(/\s+/g, ' ').trim())
    .filter((t) => t !== '')
    .join(' ')
    .toLowerCase();
}
