import { createTestDatabase, type TestDatabase } from '@newsroom/testing-system';
import { allMigrations } from '../migrations';
import type { AuditEntry } from '../projections/audit-trail.projection';
import type { ContributionAuditEntry } from '../projections/contribution-audit.projection';
import { auditKeyOf, auditLogPage, insertAuditEntries, type AuditKey } from './audit-trail.table';
import { insertContributionAuditEntries } from './contribution-audit.table';

// The newsroom-wide log merges two tables in one keyset order. An accept writes the article's
// ContributionMerged and the contribution's ContributionAccepted at the same instant, and their
// versions can be equal: paging one entry at a time must still list every entry exactly once.

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('audit_log_contributions', allMigrations);
});
afterAll(() => db.drop());

const ARTICLE = 'aaaaaaaa-0000-4000-8000-000000000001';
const [C1, C2] = ['cccccccc-0000-4000-8000-000000000001', 'cccccccc-0000-4000-8000-000000000002'];
const AT = '2030-01-15T08:00:00.000Z';
const LATER = '2030-01-15T09:00:00.000Z';
const actor = { id: 'u-1', name: 'Eda Editor', role: 'editor' };

const articleEntry = (version: number, occurredAt: string): AuditEntry & { position: number } => ({
  articleId: ARTICLE,
  version,
  eventId: `00000000-0000-4000-8000-00000000000${version}`,
  type: version === 1 ? 'ArticleDrafted' : 'ContributionMerged',
  occurredAt,
  actor,
  summary: `article ${version}`,
  changes: [],
  position: 10 + version,
});
const contributionEntry = (contributionId: string, version: number, occurredAt: string): ContributionAuditEntry => ({
  articleId: ARTICLE,
  contributionId,
  version,
  eventId: `${contributionId.slice(0, 24)}0000000000${version}${contributionId.slice(-1)}`,
  type: version === 1 ? 'ContributionSubmitted' : 'ContributionAccepted',
  occurredAt,
  actor,
  summary: `${contributionId} ${version}`,
  changes: [],
  position: 100 + version + Number(contributionId.slice(-1)) * 10,
});

beforeAll(async () => {
  await insertAuditEntries(db.dataSource, [articleEntry(1, AT), articleEntry(2, LATER)]);
  // Both contributions at version 2 at the same instant as the article's version 2: a three-way tie.
  await insertContributionAuditEntries(db.dataSource, [
    contributionEntry(C1, 1, AT),
    contributionEntry(C2, 1, AT),
    contributionEntry(C1, 2, LATER),
    contributionEntry(C2, 2, LATER),
  ]);
});

describe('the audit log with contribution entries', () => {
  it('lists both tables in one order, the article entry first on a tie, contribution entries marked', async () => {
    const { items, more } = await auditLogPage(db.dataSource, { article: ARTICLE }, undefined, 50);
    expect(more).toBe(false);
    expect(items.map((i) => [i.occurredAt, i.version, i.contributionId ?? null])).toEqual([
      [AT, 1, null],
      [AT, 1, C1],
      [AT, 1, C2],
      [LATER, 2, null],
      [LATER, 2, C1],
      [LATER, 2, C2],
    ]);
    expect(items.every((i) => i.articleId === ARTICLE)).toBe(true);
  });

  it('pages one entry at a time through the ties without skipping or repeating one', async () => {
    const seen: string[] = [];
    let after: AuditKey | undefined;
    for (let page = 0; page < 10; page++) {
      const { items, more } = await auditLogPage(db.dataSource, {}, after, 1);
      seen.push(...items.map((i) => i.summary));
      if (!more) break;
      after = auditKeyOf(items.at(-1)!);
    }
    expect(seen).toEqual(['article 1', `${C1} 1`, `${C2} 1`, 'article 2', `${C1} 2`, `${C2} 2`]);
  });

  it('filters both tables alike', async () => {
    const { items } = await auditLogPage(db.dataSource, { type: 'ContributionAccepted' }, undefined, 50);
    expect(items.map((i) => i.contributionId)).toEqual([C1, C2]);
  });
});
