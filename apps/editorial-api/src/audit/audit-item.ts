/** The columns and the wire shape of one audit entry, shared by an article's history and the log. */
export const AUDIT_COLUMNS = `article_id, version, type, occurred_at, actor_id, actor_name, actor_role, summary, changes`;

export function auditItem(r: any) {
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
