import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { drafted, submitted, waitFor } from '@newsroom/testing';
import { createTestDatabase, type TestDatabase } from '@newsroom/testing-system';
import { allMigrations } from '../migrations';
import { rowAfter } from '../projections/projection.fixtures';
import type { ArticleRow } from '../projections/article-state.projection';
import { ARTICLE_VERSIONS_CHANNEL, saveRows } from './article-state.table';

// `?minVersion` waits on these notifications instead of polling the read model.

let db: TestDatabase;
let listener: Client;
const heard: Array<{ schema: string; versions: [string, number][] }> = [];
beforeAll(async () => {
  db = await createTestDatabase('article_versions_notify', allMigrations);
  listener = new Client({ connectionString: db.url });
  await listener.connect();
  listener.on('notification', (n) => heard.push(JSON.parse(n.payload!)));
  await listener.query(`LISTEN ${ARTICLE_VERSIONS_CHANNEL}`);
});
afterAll(async () => {
  await listener.end();
  await db.drop();
});
beforeEach(() => (heard.length = 0));

/** The runner keeps each row with the hash of the event it last applied; any hash will do here. */
const chained = (row: ArticleRow) => ({ row, lastHash: 'f'.repeat(64) });

const ours = () => heard.filter((h) => h.schema === db.schema);

describe('the article read model announcing the versions it commits', () => {
  it('notifies the versions written, once the batch commits and not before', async () => {
    const row = rowAfter(drafted(), submitted());
    let beforeCommit = -1;
    await db.dataSource.transaction(async (m) => {
      await saveRows(m, 'article_state', [chained(row)]);
      // A round trip on the listener's own connection delivers anything already sent.
      await listener.query('SELECT 1');
      beforeCommit = ours().length;
    });

    await waitFor('the notification', async () => (ours().length > 0 ? true : undefined), 5000);
    expect(beforeCommit).toBe(0);
    expect(ours()).toEqual([{ schema: db.schema, versions: [[row.articleId, row.version]] }]);
  });

  it('says nothing for a write the version gate refused, nor for a rebuild table', async () => {
    const row = { ...rowAfter(drafted()), articleId: randomUUID() };
    await saveRows(db.dataSource, 'article_state', [chained(row)]);
    await waitFor('the first notification', async () => (ours().length > 0 ? true : undefined), 5000);
    heard.length = 0;

    await saveRows(db.dataSource, 'article_state', [chained(row)]);
    await db.dataSource.query(`CREATE TABLE article_state__rebuild (LIKE article_state INCLUDING ALL)`);
    await saveRows(db.dataSource, 'article_state__rebuild', [chained({ ...row, version: row.version + 1 })]);
    await listener.query('SELECT 1');

    expect(ours()).toEqual([]);
  });
});
