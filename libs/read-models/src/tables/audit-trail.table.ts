import type { AuditFilter, AuditItem } from '@newsroom/contracts';
import type { AuditEntry } from '../projections/audit-trail.projection';
import { insertAuditRecords } from './audit-records';
import { deleteRowsOf, liveTables, type Db, type TableNames } from './recordset';

// Table `audit_trail`: insert-only, one entry per event, unique on (article_id, version).

/** Inserts the entries; an entry already there (a redelivery past the row gate) changes nothing. */
export function insertAuditEntries(
  db: Db,
  entries: ReadonlyArray<AuditEntry & { position: number }>,
  t: TableNames = liveTables,
): Promise<void> {
  return insertAuditRecords(
    db,
    t('audit_trail'),
    [
      ['article_id', 'uuid'],
      ['version', 'int'],
    ],
    (a) => ({ article_id: a.articleId, version: a.version }),
    entries,
    ['article_id', 'version'],
  );
}

const COLUMNS = `article_id, version, type, occurred_at, actor_id, actor_name, actor_role, summary, changes`;

interface AuditRecord {
  article_id: string;
  version: number;
  type: string;
  occurred_at: Date | string;
  actor_id: string;
  actor_name: string;
  actor_role: string;
  summary: string;
  changes: AuditItem['changes'];
}

function itemOf(r: AuditRecord): AuditItem {
  return {
    articleId: r.article_id,
    version: r.version,
    type: r.type,
    occurredAt: new Date(r.occurred_at).toISOString(),
    actor: { id: r.actor_id, name: r.actor_name, role: r.actor_role },
    summary: r.summary,
    changes: r.changes,
  };
}

/** Who changed what and when in one article, in version order; empty when it has no entries yet. */
export async function articleHistory(db: Db, articleId: string): Promise<AuditItem[]> {
  const rows: AuditRecord[] = await db.query(
    `SELECT ${COLUMNS} FROM audit_trail WHERE article_id = $1 ORDER BY version`,
    [articleId],
  );
  return rows.map(itemOf);
}

/**
 * Where a page of the newsroom-wide log ends: its keyset order is (occurred_at, article_id, version,
 * contribution), where an article's own entries sort as the nil UUID before the entries of the
 * contribution events linked to the article (whose `version` is the contribution's).
 */
export type AuditKey = [occurredAt: string, articleId: string, version: number, contribution: string];

const NIL_UUID = '00000000-0000-0000-0000-000000000000';

export const auditKeyOf = (item: AuditItem): AuditKey => [
  item.occurredAt,
  item.articleId,
  item.version,
  item.contributionId ?? NIL_UUID,
];

/**
 * Up to `limit` entries of the newsroom-wide log after `after`, oldest first; `more` when the log
 * goes on. Keyset paging: a page never skips or repeats an entry while the projector writes. The
 * article entries and the contribution entries (table `contribution_audit_trail`, each linked to
 * its article) are merged in one order; each side's filter and keyset run on its own indexes.
 */
export async function auditLogPage(
  db: Db,
  filter: AuditFilter,
  after: AuditKey | undefined,
  limit: number,
): Promise<{ items: AuditItem[]; more: boolean }> {
  const params: unknown[] = [];
  const where: string[] = [];
  const p = (v: unknown) => `$${params.push(v)}`;
  if (filter.actor) where.push(`actor_id = ${p(filter.actor)}`);
  if (filter.role) where.push(`actor_role = ${p(filter.role)}`);
  if (filter.article) where.push(`article_id = ${p(filter.article)}::uuid`);
  if (filter.type) where.push(`type = ${p(filter.type)}`);
  if (filter.since) where.push(`occurred_at >= ${p(filter.since)}::timestamptz`);
  if (filter.until) where.push(`occurred_at < ${p(filter.until)}::timestamptz`);
  const cap = p(limit + 1);
  const side = (contribution: string) => {
    const conditions = [...where];
    if (after) {
      const key = `(${p(after[0])}::timestamptz, ${p(after[1])}::uuid, ${p(after[2])}::int)`;
      // The first condition uses the time index; the second only settles ties on the first three.
      conditions.push(`(occurred_at, article_id, version) >= ${key}`);
      conditions.push(`((occurred_at, article_id, version) <> ${key} OR ${contribution} > ${p(after[3])}::uuid)`);
    }
    return conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  };
  const rows: Array<AuditRecord & { contribution_id: string | null }> = await db.query(
    `SELECT * FROM (
       (SELECT ${COLUMNS}, NULL::uuid AS contribution_id, '${NIL_UUID}'::uuid AS tie FROM audit_trail
        ${side(`'${NIL_UUID}'::uuid`)} ORDER BY occurred_at, article_id, version LIMIT ${cap})
       UNION ALL
       (SELECT ${COLUMNS}, contribution_id, contribution_id AS tie FROM contribution_audit_trail
        ${side('contribution_id')} ORDER BY occurred_at, article_id, version, contribution_id LIMIT ${cap})
     ) x ORDER BY occurred_at, article_id, version, tie LIMIT ${cap}`,
    params,
  );
  const items = rows.slice(0, limit).map((r) => {
    const item = itemOf(r);
    return r.contribution_id ? { ...item, contributionId: r.contribution_id } : item;
  });
  return { items, more: rows.length > limit };
}

/** Removes the entries of these articles, whose history is about to be derived again (a redaction). */
export function deleteAuditEntriesOf(db: Db, articleIds: readonly string[], t: TableNames = liveTables) {
  return deleteRowsOf(db, t('audit_trail'), 'article_id', articleIds);
}
