import type { EntityManager } from 'typeorm';
import type { ArticleRow } from '../projections/article-state.projection';
import type { ProjectedEvent } from '../projections/projected-event';
import type { TableNames } from '../tables/recordset';

export const READ_MODELS = [
  'article_state',
  'audit_trail',
  'article_list',
  'contributor_index',
  'public_articles',
] as const;
export type ReadModelName = (typeof READ_MODELS)[number];

export function isReadModelName(name: string): name is ReadModelName {
  return (READ_MODELS as readonly string[]).includes(name);
}

export { liveTables, rebuildTables, type TableNames } from '../tables/recordset';

/** One event the runner applied, with the article row on either side of it. */
export interface AppliedEvent {
  event: ProjectedEvent;
  before: ArticleRow | null;
  after: ArticleRow;
}

/** What one batch did to one article: the events applied, in order, and what each derived. */
export interface ArticleChange<D> {
  articleId: string;
  before: ArticleRow | null;
  after: ArticleRow;
  applied: Array<AppliedEvent & { derived: D }>;
}

/**
 * A read model as the runner drives it. The pure work happens in `derive`, once per event, so an
 * exception is pinned on the event that caused it; `write` only moves the result into tables.
 */
export interface Projection<D = unknown> {
  name: ReadModelName;
  /** Every table the read model owns; a rebuild replaces them together. */
  tables: readonly string[];
  /**
   * Where this read model keeps its own copy of each article row (the `article_state` shape).
   * Each consumer group gates and evolves from its own copy, so no group waits on another's progress.
   */
  rowsTable: string;
  derive(applied: AppliedEvent): D;
  /** Called only for articles whose row the version gate let through. */
  write(m: EntityManager, t: TableNames, changes: ReadonlyArray<ArticleChange<D>>): Promise<void>;
}
