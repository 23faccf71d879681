import type { EntityManager } from 'typeorm';
import { articleStreamId } from '@newsroom/editorial-domain';
import { createTestDatabase, type TestDatabase } from '@newsroom/testing-system';
import { allMigrations } from '../migrations';
import { recentStoredLinks } from './stored-links.cache';
import { insertSyntheticEvents, syntheticArticleId, syntheticEvent } from './synthetic-article-streams';

let db: TestDatabase;
const articleId = syntheticArticleId('11c4', 1);
const stream = articleStreamId(articleId);
const append = (version: number) =>
  insertSyntheticEvents(db.dataSource, [syntheticEvent(articleId, version, new Date().toISOString())]);

beforeAll(async () => {
  db = await createTestDatabase('stored_links_cache', allMigrations);
  await append(1);
  await append(2);
});
afterAll(() => db.drop());

/** A fresh handle on the database (a process of its own, as far as the cache knows) that counts its queries. */
const countingQueries = async () => {
  const versionsAsked: number[][] = [];
  const counted = Object.create(db.dataSource.manager) as EntityManager;
  counted.query = (sql: string, params?: unknown[]) => {
    versionsAsked.push(params![1] as number[]);
    return db.dataSource.query(sql, params);
  };
  return { counted, asked: () => versionsAsked.length, versionsAsked };
};

describe("a process's recent stored links", () => {
  it('asks the event store once for links another read model of the process confirmed already', async () => {
    const { counted, asked } = await countingQueries();
    const first = await recentStoredLinks(counted, [{ streamId: stream, version: 1 }]);
    const again = await recentStoredLinks(counted, [{ streamId: stream, version: 1 }]);
    expect(again).toEqual(first);
    expect(first).toEqual([expect.objectContaining({ streamId: stream, version: 1 })]);
    expect(asked()).toBe(1);
  });

  it('asks only for the links it has not seen', async () => {
    const { counted, versionsAsked } = await countingQueries();
    await recentStoredLinks(counted, [{ streamId: stream, version: 1 }]);
    const both = await recentStoredLinks(counted, [
      { streamId: stream, version: 1 },
      { streamId: stream, version: 2 },
    ]);
    expect(both.map((l) => l.version).sort()).toEqual([1, 2]);
    expect(versionsAsked).toEqual([[1], [2]]);
  });

  it('never keeps the absence of a link: an event appended later is found when asked again', async () => {
    const { counted, asked } = await countingQueries();
    expect(await recentStoredLinks(counted, [{ streamId: stream, version: 3 }])).toEqual([]);
    await append(3);
    expect(await recentStoredLinks(counted, [{ streamId: stream, version: 3 }])).toEqual([
      expect.objectContaining({ version: 3 }),
    ]);
    expect(asked()).toBe(2);
  });
});
