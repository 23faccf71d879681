import type { ArticleStatus } from './article.constants';
import type { ActorView } from './article.view';

/** One row of `GET /api/articles`. */
export interface ArticleListItem {
  id: string;
  version: number;
  status: ArticleStatus;
  /** The working headline: the list is the newsroom's view, not the readers'. */
  headline: string;
  sections: string[];
  contributors: string[];
  updatedAt: string;
  /** Who made the latest change; null only for a row listed before it was kept, until its next change. */
  updatedBy: ActorView | null;
  /** When the live copy was last published; kept after unpublishing. */
  publishedAt: string | null;
  /** The working copy's embargo: not to be published before it. */
  embargoUntil: string | null;
  /** When the scheduled publication is due; null unless one is scheduled. */
  publishAt: string | null;
  /**
   * Contributions to the article still waiting on the desk (status submitted or changes_requested),
   * as the contribution read model counts them: the board card's count.
   */
  openContributions: number;
}

/** A page of a keyset-paginated list; `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The board's filters: what `GET /api/articles` and `GET /api/articles/counts` both narrow by. */
export type ArticleListFilter = Pick<ArticleListQuery, 'section' | 'contributor' | 'q'>;

/**
 * `GET /api/articles/counts`: how many articles each status holds under the filters, every status
 * named (0 included), so a column's count never depends on how many cards were loaded.
 */
export interface ArticleCounts {
  byStatus: Record<ArticleStatus, number>;
  total: number;
}

/** Query parameters of `GET /api/articles`. */
export interface ArticleListQuery {
  status?: ArticleStatus;
  section?: string;
  /** A contributor's name, matched case- and spacing-insensitively. */
  contributor?: string;
  /** Words to find in the headline or standfirst. */
  q?: string;
  limit?: number;
  cursor?: string;
}
