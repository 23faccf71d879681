import { listRowOf, type ArticleListRow } from '../projections/article-list.projection';
import { auditEntryOf, type AuditEntry } from '../projections/audit-trail.projection';
import { contributorEntriesOf, type ContributorEntry } from '../projections/contributor-index.projection';
import type { ArticleChange, Projection, ReadModelName } from './projection';
import { asRecordset } from './row-store';

const lastDerived = <D>(c: ArticleChange<D>): D => c.applied[c.applied.length - 1].derived;

/** The article row is the read model: the runner's row upsert is the whole write. */
const articleState: Projection<null> = {
  name: 'article_state',
  tables: ['article_state'],
  rowsTable: 'article_state',
  derive: () => null,
  write: async () => undefined,
};

const auditTrail: Projection<AuditEntry & { position: number }> = {
  name: 'audit_trail',
  tables: ['audit_trail', 'audit_trail_article_rows'],
  rowsTable: 'audit_trail_article_rows',
  derive: ({ before, event }) => ({ ...auditEntryOf(before, event), position: event.position }),
  async write(m, t, changes) {
    const entries = changes.flatMap((c) =>
      c.applied.map(({ derived: a }) => ({
        article_id: a.articleId,
        version: a.version,
        event_id: a.eventId,
        type: a.type,
        occurred_at: a.occurredAt,
        actor_id: a.actor.id,
        actor_name: a.actor.name,
        actor_role: a.actor.role,
        summary: a.summary,
        changes: a.changes,
        position: a.position,
      })),
    );
    // Insert-only: a redelivered entry that slipped past the row gate still changes nothing.
    await m.query(
      `INSERT INTO ${t('audit_trail')} (article_id, version, event_id, type, occurred_at, actor_id, actor_name,
         actor_role, summary, changes, position)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(article_id uuid, version int, event_id uuid, type text,
         occurred_at timestamptz, actor_id text, actor_name text, actor_role text, summary text, changes jsonb,
         position bigint)
       ON CONFLICT (article_id, version) DO NOTHING`,
      [asRecordset(entries)],
    );
  },
};

const articleList: Projection<ArticleListRow> = {
  name: 'article_list',
  tables: ['article_list', 'article_list_article_rows'],
  rowsTable: 'article_list_article_rows',
  derive: ({ after }) => listRowOf(after),
  async write(m, t, changes) {
    const rows = changes.map(lastDerived).map((r) => ({
      article_id: r.articleId,
      version: r.version,
      status: r.status,
      headline: r.headline,
      sections: r.sections,
      contributor_names: r.contributorNames,
      updated_at: r.updatedAt,
      published_at: r.publishedAt,
      search_text: r.searchText,
    }));
    await m.query(
      `INSERT INTO ${t('article_list')} AS l (article_id, version, status, headline, sections, contributor_names,
         updated_at, published_at, search_text)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(article_id uuid, version int, status text, headline text,
         sections text[], contributor_names text[], updated_at timestamptz, published_at timestamptz, search_text text)
       ON CONFLICT (article_id) DO UPDATE SET version = excluded.version, status = excluded.status,
         headline = excluded.headline, sections = excluded.sections, contributor_names = excluded.contributor_names,
         updated_at = excluded.updated_at, published_at = excluded.published_at, search_text = excluded.search_text
       WHERE l.version < excluded.version`,
      [asRecordset(rows)],
    );
  },
};

/**
 * An article's entries are replaced whole, all stamped with the article version they reflect, so
 * the table's content does not depend on where batch boundaries fell.
 */
const contributorIndex: Projection<ContributorEntry[]> = {
  name: 'contributor_index',
  tables: ['contributor_index', 'contributor_index_article_rows'],
  rowsTable: 'contributor_index_article_rows',
  derive: ({ after }) => contributorEntriesOf(after),
  async write(m, t, changes) {
    await m.query(`DELETE FROM ${t('contributor_index')} WHERE article_id = ANY($1::uuid[])`, [
      changes.map((c) => c.articleId),
    ]);
    const entries = changes.flatMap((c) =>
      lastDerived(c).map((e) => ({
        article_id: e.articleId,
        contributor_id: e.contributorId,
        name: e.name,
        name_key: e.nameKey,
        role: e.role,
        version: c.after.version,
      })),
    );
    if (entries.length === 0) return;
    await m.query(
      `INSERT INTO ${t('contributor_index')} (article_id, contributor_id, name, name_key, role, version)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(article_id uuid, contributor_id text, name text,
         name_key text, role text, version int)`,
      [asRecordset(entries)],
    );
  },
};

export const PROJECTIONS: Readonly<Record<ReadModelName, Projection<any>>> = {
  article_state: articleState,
  audit_trail: auditTrail,
  article_list: articleList,
  contributor_index: contributorIndex,
};
