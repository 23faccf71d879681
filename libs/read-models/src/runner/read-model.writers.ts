import { listRowOf, type ArticleListRow } from '../projections/article-list.projection';
import { auditEntryOf, type AuditEntry } from '../projections/audit-trail.projection';
import { contributorEntriesOf, type ContributorEntry } from '../projections/contributor-index.projection';
import { upsertListRows } from '../tables/article-list.table';
import { deleteAuditEntriesOf, insertAuditEntries } from '../tables/audit-trail.table';
import { replaceContributorEntries } from '../tables/contributor-index.table';
import { evolvePublicArticle, type PublicArticle } from '../projections/public-article.projection';
import { deletePublicRowsOf, loadPublicRows, savePublicRows } from '../tables/public-articles.table';
import type { AppliedEvent, ArticleChange, Projection, ReadModelName } from './projection';
import { articleSource, contributionSource } from './stream-source';
import type { ContributionEventEnvelope } from '@newsroom/contracts';
import type { ContributionRow } from '../projections/contribution-state.projection';
import { contributionListRowOf, type ContributionListRow } from '../projections/contribution-list.projection';
import { contributionAuditEntryOf, type ContributionAuditEntry } from '../projections/contribution-audit.projection';
import { ledgerChangeOf, type LedgerChange } from '../projections/contributor-ledger.projection';
import { upsertContributionRows } from '../tables/contribution-list.table';
import { deleteContributionAuditEntriesOf, insertContributionAuditEntries } from '../tables/contribution-audit.table';
import { CONTRIBUTION_LIST_ROWS } from '../tables/contribution-rows.table';
import { deleteLedgerEntriesOf, insertLedgerEntries, insertMergedCredits } from '../tables/contributor-ledger.table';

const lastDerived = <D>(c: ArticleChange<D, any, any>): D => c.applied[c.applied.length - 1].derived;

/** The article row is the read model: the runner's row upsert is the whole write. */
const articleState: Projection<null> = {
  name: 'article_state',
  source: articleSource,
  tables: ['article_state'],
  rowsTable: 'article_state',
  derive: () => null,
  clear: async () => undefined,
  write: async () => undefined,
};

const auditTrail: Projection<AuditEntry & { position: number }> = {
  name: 'audit_trail',
  source: articleSource,
  tables: ['audit_trail', 'audit_trail_article_rows'],
  rowsTable: 'audit_trail_article_rows',
  derive: ({ before, event }) => ({ ...auditEntryOf(before, event), position: event.position }),
  clear: (m, t, ids) => deleteAuditEntriesOf(m, ids, t),
  // Insert-only: a redelivered entry that slipped past the row gate still changes nothing.
  write: (m, t, changes) =>
    insertAuditEntries(
      m,
      changes.flatMap((c) => c.applied.map((a) => a.derived)),
      t,
    ),
};

const articleList: Projection<ArticleListRow> = {
  name: 'article_list',
  source: articleSource,
  tables: ['article_list', 'article_list_article_rows'],
  rowsTable: 'article_list_article_rows',
  derive: ({ after }) => listRowOf(after),
  // One row per article, replaced by the write.
  clear: async () => undefined,
  write: (m, t, changes) => upsertListRows(m, changes.map(lastDerived), t),
};

/**
 * An article's entries are replaced whole, all stamped with the article version they reflect, so
 * the table's content does not depend on where batch boundaries fell.
 */
const contributorIndex: Projection<ContributorEntry[]> = {
  name: 'contributor_index',
  source: articleSource,
  tables: ['contributor_index', 'contributor_index_article_rows'],
  rowsTable: 'contributor_index_article_rows',
  derive: ({ after }) => contributorEntriesOf(after),
  // An article's entries are replaced whole by the write.
  clear: async () => undefined,
  write: (m, t, changes) =>
    replaceContributorEntries(
      m,
      changes.map((c) => c.articleId),
      changes.flatMap((c) => lastDerived(c).map((e) => ({ ...e, version: c.after.version }))),
      t,
    ),
};

/**
 * The public read model: the live copy, slugs and tombstones. Its rows are folded here from the
 * previous public row because a public row remembers what the article row forgets (the first
 * published headline, the publication that last moved `modifiedAt`).
 */
const publicArticles: Projection<AppliedEvent> = {
  name: 'public_articles',
  source: articleSource,
  tables: ['public_articles', 'public_article_slugs', 'public_articles_article_rows'],
  rowsTable: 'public_articles_article_rows',
  derive: (applied) => applied,
  clear: (m, t, ids) => deletePublicRowsOf(m, ids, t),
  write: async (m, t, changes) => {
    const previous = await loadPublicRows(
      m,
      changes.map((c) => c.articleId),
      t,
    );
    const next = changes.flatMap((c) => {
      const row = c.applied.reduce<PublicArticle | null>(
        (r, a) => evolvePublicArticle(r, a.derived),
        previous.get(c.articleId) ?? null,
      );
      return row && row !== previous.get(c.articleId) ? [row] : [];
    });
    await savePublicRows(m, next, t);
  },
};

/** Contributions by article (the desk's inbox) and by author, one row each, fed by contribution streams. */
const contributionList: Projection<ContributionListRow, ContributionRow, ContributionEventEnvelope> = {
  name: 'contribution_list',
  source: contributionSource,
  tables: ['contribution_list', CONTRIBUTION_LIST_ROWS],
  rowsTable: CONTRIBUTION_LIST_ROWS,
  derive: ({ after }) => contributionListRowOf(after),
  // One row per contribution, replaced by the write.
  clear: async () => undefined,
  write: (m, t, changes) => upsertContributionRows(m, changes.map(lastDerived), t),
};

/** The contribution events' audit entries, each linked to its article; insert-only like the article's. */
const contributionAudit: Projection<ContributionAuditEntry, ContributionRow, ContributionEventEnvelope> = {
  name: 'contribution_audit',
  source: contributionSource,
  tables: ['contribution_audit_trail', 'contribution_audit_contribution_rows'],
  rowsTable: 'contribution_audit_contribution_rows',
  derive: ({ before, event, after }) => contributionAuditEntryOf(before, event, after),
  clear: (m, t, ids) => deleteContributionAuditEntriesOf(m, ids, t),
  write: (m, t, changes) =>
    insertContributionAuditEntries(
      m,
      changes.flatMap((c) => c.applied.map((a) => a.derived)),
      t,
    ),
};

/**
 * Every credit of every published version, with the contribution that created it. Fed by article
 * streams alone: an accepted contribution enters the article as ContributionMerged, which names it.
 */
const contributorLedger: Projection<LedgerChange> = {
  name: 'contributor_ledger',
  source: articleSource,
  tables: ['contributor_ledger', 'contributor_ledger_credits', 'contributor_ledger_article_rows'],
  rowsTable: 'contributor_ledger_article_rows',
  derive: ({ before, event, after }) => ledgerChangeOf(before, event, after),
  clear: (m, t, ids) => deleteLedgerEntriesOf(m, ids, t),
  write: async (m, t, changes) => {
    const derived = changes.flatMap((c) => c.applied.map((a) => a.derived));
    // Credits first: a publication later in the same batch looks its merge up.
    await insertMergedCredits(
      m,
      derived.flatMap((d) => (d.merged ? [d.merged] : [])),
      t,
    );
    await insertLedgerEntries(
      m,
      derived.flatMap((d) => d.published),
      t,
    );
  },
};

export const PROJECTIONS: Readonly<Record<ReadModelName, Projection<any>>> = {
  article_state: articleState,
  audit_trail: auditTrail,
  article_list: articleList,
  contributor_index: contributorIndex,
  public_articles: publicArticles,
  contribution_list: contributionList,
  contribution_audit: contributionAudit,
  contributor_ledger: contributorLedger,
};
