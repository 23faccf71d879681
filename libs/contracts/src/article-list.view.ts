import type { ArticleStatus } from './article.constants';

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
  /** When the live copy was last published; kept after unpublishing. */
  publishedAt: string | null;
}

/** A page of a keyset-paginated list; `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
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
