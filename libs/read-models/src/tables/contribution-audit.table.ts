import type { ContributionAuditEntry } from '../projections/contribution-audit.projection';
import { asRecordset, liveTables, type Db, type TableNames } from './recordset';

// Table `contribution_audit_trail`: insert-only, unique on (contribution_id, version).

export async function insertContributionAuditEntries(
  db: Db,
  entries: readonly ContributionAuditEntry[],
  t: TableNames = liveTables,
): Promise<void> {
  if (entries.length === 0) return;
  const records = entries.map((a) => ({
    contribution_id: a.contributionId,
    version: a.version,
    article_id: a.articleId,
    event_id: a.eventId,
    type: a.type,
    occurred_at: a.occurredAt,
    actor_id: a.actor.id,
    actor_name: a.actor.name,
    actor_role: a.actor.role,
    summary: a.summary,
    changes: a.changes,
    position: a.position,
  }));
  await db.query(
    `INSERT INTO ${t('contribution_audit_trail')} (contribution_id, version, article_id, event_id, type, occurred_at,
       actor_id, actor_name, actor_role, summary, changes, position)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(contribution_id uuid, version int, article_id uuid,
       event_id uuid, type text, occurred_at timestamptz, actor_id text, actor_name text, actor_role text,
       summary text, changes jsonb, position bigint)
     ON CONFLICT (contribution_id, version) DO NOTHING`,
    [asRecordset(records)],
  );
}
