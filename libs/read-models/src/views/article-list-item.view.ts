import type { ArticleListItem } from '@newsroom/contracts';

/** A row of `article_list` as the database driver returns it (snake_case, Date instants). */
export interface ArticleListRecord {
  article_id: string;
  version: number;
  status: ArticleListItem['status'];
  headline: string;
  sections: string[];
  contributor_names: string[];
  updated_at: Date | string;
  updated_by_id: string | null;
  updated_by_name: string | null;
  updated_by_role: string | null;
  published_at: Date | string | null;
  embargo_until: Date | string | null;
  publish_at: Date | string | null;
  /** Not a column of `article_list`: counted from `contribution_list` when listed (see listArticles). */
  open_contributions: number;
}

const instant = (v: Date | string) => new Date(v).toISOString();
const instantOrNull = (v: Date | string | null) => (v === null ? null : instant(v));

/** The wire shape of a list row: every field named, so a new column is never leaked by accident. */
export function articleListItemOf(r: ArticleListRecord): ArticleListItem {
  return {
    id: r.article_id,
    version: r.version,
    status: r.status,
    headline: r.headline,
    sections: r.sections,
    contributors: r.contributor_names,
    updatedAt: instant(r.updated_at),
    // Rows listed before the column existed, whose audit entry was not there to fill it, have none yet.
    updatedBy:
      r.updated_by_id === null
        ? null
        : { id: r.updated_by_id, name: r.updated_by_name ?? '', role: r.updated_by_role ?? '' },
    publishedAt: instantOrNull(r.published_at),
    embargoUntil: instantOrNull(r.embargo_until),
    publishAt: instantOrNull(r.publish_at),
    openContributions: r.open_contributions,
  };
}
