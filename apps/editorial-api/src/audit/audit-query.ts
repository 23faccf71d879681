import type { AuditFilterDto } from './audit-log.query.dto';

/** The WHERE clause shared by the audit page and the export; keyset order (occurred_at, article_id, version). */
export function auditWhere(f: AuditFilterDto, after?: unknown[]) {
  const params: unknown[] = [];
  const where: string[] = [];
  const p = (v: unknown) => `$${params.push(v)}`;
  if (f.actor) where.push(`actor_id = ${p(f.actor)}`);
  if (f.type) where.push(`type = ${p(f.type)}`);
  if (f.since) where.push(`occurred_at >= ${p(f.since)}::timestamptz`);
  if (f.until) where.push(`occurred_at < ${p(f.until)}::timestamptz`);
  if (after)
    where.push(
      `(occurred_at, article_id, version) > (${p(after[0])}::timestamptz, ${p(after[1])}::uuid, ${p(after[2])}::int)`,
    );
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params, p };
}
