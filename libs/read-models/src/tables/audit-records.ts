import type { AuditEntry } from '../projections/audit-trail.projection';
import { asRecordset, type Db } from './recordset';

/** What every audit entry records, whichever aggregate's event it describes. */
export type AuditRecord = Omit<AuditEntry, 'articleId' | 'version'> & { position: number };

/** The entry's own columns, after the aggregate's key columns, in this order. */
const ENTRY_COLUMNS: ReadonlyArray<[string, string]> = [
  ['event_id', 'uuid'],
  ['type', 'text'],
  ['occurred_at', 'timestamptz'],
  ['actor_id', 'text'],
  ['actor_name', 'text'],
  ['actor_role', 'text'],
  ['summary', 'text'],
  ['changes', 'jsonb'],
  ['position', 'bigint'],
];

const entryColumnsOf = (a: AuditRecord) => ({
  event_id: a.eventId,
  type: a.type,
  occurred_at: a.occurredAt,
  actor_id: a.actor.id,
  actor_name: a.actor.name,
  actor_role: a.actor.role,
  summary: a.summary,
  changes: a.changes,
  position: a.position,
});

/**
 * Inserts audit entries into an insert-only table unique on its key columns: an entry already there
 * (a redelivery past the row gate) changes nothing. `keys` gives each entry's key columns, in order.
 */
export async function insertAuditRecords<E extends AuditRecord>(
  db: Db,
  table: string,
  keyColumns: ReadonlyArray<[string, string]>,
  keys: (entry: E) => Record<string, unknown>,
  entries: readonly E[],
  unique: readonly string[],
): Promise<void> {
  if (entries.length === 0) return;
  const columns = [...keyColumns, ...ENTRY_COLUMNS];
  const records = entries.map((e) => ({ ...keys(e), ...entryColumnsOf(e) }));
  await db.query(
    `INSERT INTO ${table} (${columns.map(([name]) => name).join(', ')})
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(${columns.map(([name, type]) => `${name} ${type}`).join(', ')})
     ON CONFLICT (${unique.join(', ')}) DO NOTHING`,
    [asRecordset(records)],
  );
}
