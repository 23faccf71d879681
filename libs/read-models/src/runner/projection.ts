import type { EntityManager } from 'typeorm';
import type { ArticleRow } from '../projections/article-state.projection';
import type { ProjectedEvent } from '../projections/projected-event';
import type { TableNames } from '../tables/recordset';
import type { StreamEvent, StreamSource } from './stream-source';

export const READ_MODELS = [
  'article_state',
  'audit_trail',
  'article_list',
  'contributor_index',
  'public_articles',
  'contribution_list',
  'contribution_audit',
  'contributor_ledger',
] as const;
export type ReadModelName = (typeof READ_MODELS)[number];

/** The stream prefix each read model follows: its lag counts only that aggregate's events. */
export const READ_MODEL_STREAM_PREFIX: Readonly<Record<ReadModelName, string>> = {
  article_state: 'article-',
  audit_trail: 'article-',
  article_list: 'article-',
  contributor_index: 'article-',
  public_articles: 'article-',
  contribution_list: 'contribution-',
  contribution_audit: 'contribution-',
  contributor_ledger: 'article-',
};

/** The read models fed by the article topic (the specs that replay article histories count these). */
export const ARTICLE_READ_MODELS: readonly ReadModelName[] = READ_MODELS.filter(
  (n) => READ_MODEL_STREAM_PREFIX[n] === 'article-',
);

export function isReadModelName(name: string): name is ReadModelName {
  return (READ_MODELS as readonly string[]).includes(name);
}

export { liveTables, rebuildTables, type TableNames } from '../tables/recordset';

/** One event the runner applied, with its stream's row on either side of it. */
export interface AppliedEvent<Row = ArticleRow, E extends StreamEvent = ProjectedEvent> {
  event: E;
  before: Row | null;
  after: Row;
}

/**
 * What one batch did to one stream: the events applied, in order, and what each derived.
 * `articleId` is the stream's id (a contribution's id for a contribution read model).
 */
export interface ArticleChange<D, Row = ArticleRow, E extends StreamEvent = ProjectedEvent> {
  articleId: string;
  before: Row | null;
  after: Row;
  applied: Array<AppliedEvent<Row, E> & { derived: D }>;
}

/**
 * A read model as the runner drives it. The pure work happens in `derive`, once per event, so an
 * exception is pinned on the event that caused it; `write` only moves the result into tables.
 */
export interface Projection<D = unknown, Row extends { version: number } = any, E extends StreamEvent = any> {
  name: ReadModelName;
  /** The aggregate whose streams feed it (its topic, its rows). */
  source: StreamSource<Row, E>;
  /** Every table the read model owns; a rebuild replaces them together. */
  tables: readonly string[];
  /**
   * Where this read model keeps its own copy of each article row (the `article_state` shape).
   * Each consumer group gates and evolves from its own copy, so no group waits on another's progress.
   */
  rowsTable: string;
  derive(applied: AppliedEvent<Row, E>): D;
  /**
   * Removes what the read model holds of these streams beyond their rows, before `write` derives
   * it again from the first event: a redaction (issue #12) changed what their history reads as.
   * Tables a write replaces whole anyway may be left alone.
   */
  clear(m: EntityManager, t: TableNames, streamIds: readonly string[]): Promise<void>;
  /** Called only for streams whose row the version gate let through. */
  write(m: EntityManager, t: TableNames, changes: ReadonlyArray<ArticleChange<D, Row, E>>): Promise<void>;
}
