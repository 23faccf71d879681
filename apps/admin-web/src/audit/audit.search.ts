import { ARTICLE_EVENT_TYPES, type AuditFilter } from '@newsroom/contracts';
import {
  parseCompareSearch,
  parseMomentSearch,
  type CompareSearch,
  type MomentSearch,
} from '../history/history.search';
import { parseInstant } from '../history/utc-time';

/** The roles an actor can have acted in: the people's, and the scheduler's. */
export const AUDIT_ROLES = ['reporter', 'editor', 'admin', 'auditor', 'system'] as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const text = (v: unknown, max: number) =>
  typeof v === 'string' && v.trim() && v.trim().length <= max ? v.trim() : undefined;
const oneOf = <T extends string>(v: unknown, values: readonly T[]) => (values.includes(v as T) ? (v as T) : undefined);

/**
 * The audit log's filters, all in the URL so a view can be linked in a report. What the API would
 * refuse is dropped here rather than sent.
 */
export function parseAuditSearch(s: Record<string, unknown>): AuditFilter {
  const candidate: AuditFilter = {
    actor: text(s.actor, 100),
    role: oneOf(s.role, AUDIT_ROLES),
    type: oneOf(s.type, ARTICLE_EVENT_TYPES),
    article: typeof s.article === 'string' && UUID.test(s.article.trim()) ? s.article.trim().toLowerCase() : undefined,
    since: parseInstant(s.since),
    until: parseInstant(s.until),
  };
  return Object.fromEntries(Object.entries(candidate).filter(([, v]) => v !== undefined)) as AuditFilter;
}

/** What an audit article page shows: one of its four views, and that view's place in the URL. */
export const ARTICLE_AUDIT_TABS = ['timeline', 'time-travel', 'compare', 'integrity'] as const;
export type ArticleAuditTab = (typeof ARTICLE_AUDIT_TABS)[number];

export interface AuditArticleSearch extends CompareSearch, MomentSearch {
  tab?: ArticleAuditTab;
}

export function parseAuditArticleSearch(s: Record<string, unknown>): AuditArticleSearch {
  const tab = oneOf(s.tab, ARTICLE_AUDIT_TABS);
  return { ...(tab ? { tab } : {}), ...parseCompareSearch(s), ...parseMomentSearch(s) };
}
