import type { ActorView } from './article.view';

/** One field an event changed; `before` is null when the article did not exist yet. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/**
 * One entry of the audit trail, one per event: the items of `GET /api/articles/:id/history` (in
 * version order) and of `GET /api/audit` (in time order).
 */
export interface AuditItem {
  articleId: string;
  version: number;
  type: string;
  occurredAt: string;
  actor: ActorView;
  /** One line for people: "Headline and body changed", "Published v12 — first publication". */
  summary: string;
  changes: FieldChange[];
  /**
   * Set on the entries of contribution events (`GET /api/audit` only): `version` is then the
   * contribution's own, and `articleId` the article it was proposed to.
   */
  contributionId?: string;
}

/** An article's history is its audit entries. */
export type HistoryEntry = AuditItem;

/** `GET /api/articles/:id/history`. */
export interface ArticleHistory {
  items: HistoryEntry[];
}

/** Filters of `GET /api/audit` and `GET /api/audit/export`. */
export interface AuditFilter {
  /** Actor id. */
  actor?: string;
  /** The actor's role when they acted (reporter, editor, admin, system). */
  role?: string;
  /** Article id: one article's entries. */
  article?: string;
  /** Event type. */
  type?: string;
  /** ISO-8601, inclusive. */
  since?: string;
  /** ISO-8601, exclusive. */
  until?: string;
}

export interface AuditLogQuery extends AuditFilter {
  limit?: number;
  cursor?: string;
}

export type TextDiffOp = 'equal' | 'insert' | 'delete';
export interface TextDiffPart {
  op: TextDiffOp;
  text: string;
}

/** `GET /api/articles/:id/diff?from=&to=`: the working copy's changes, the body word by word. */
export interface ArticleDiff {
  id: string;
  from: number;
  to: number;
  changes: FieldChange[];
  body: TextDiffPart[];
}
