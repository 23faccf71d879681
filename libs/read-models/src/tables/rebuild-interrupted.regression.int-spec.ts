import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@newsroom/testing-system';
import { allMigrations } from '../migrations';
import { holdRebuildLocks } from '../runner/rebuild-locks';
import { projectionStatuses, recordRebuild, type RebuildStatus } from './projection-status.table';

// A rebuild records its progress on the status rows; when the API process running it died, the
// last record said 'replay' and the admin screen showed a rebuild running forever.

let db: TestDatabase;
let ds: DataSource;
beforeAll(async () => {
  db = await createTestDatabase('rebuild_interrupted', allMigrations);
  ds = db.dataSource;
});
afterAll(() => db?.drop());

const replaying: RebuildStatus = {
  state: 'replay',
  events: 1200,
  total: 5000,
  startedAt: '2026-02-13T10:05:00.000Z',
  updatedAt: '2026-02-13T10:05:03.000Z',
};
const rebuildOf = async (name: string) => (await projectionStatuses(ds)).find((v) => v.name === name)!.rebuild;

describe('a rebuild recorded as replaying', () => {
  it('shows as replaying while its process holds the rebuild lock', async () => {
    const release = await holdRebuildLocks(ds, ['article_list']);
    try {
      await recordRebuild(ds, ['article_list'], () => replaying);
      expect(await rebuildOf('article_list')).toEqual(replaying);
    } finally {
      await release();
    }
  });

  it('shows as interrupted, naming the phase and the last progress, once nobody holds the lock', async () => {
    await recordRebuild(ds, ['article_list'], () => replaying);
    expect(await rebuildOf('article_list')).toEqual({
      ...replaying,
      state: 'interrupted',
      error:
        'the process running it stopped during the replay (last progress at 2026-02-13T10:05:03.000Z); rebuild again',
    });
  });

  it('keeps a finished rebuild as it was recorded', async () => {
    const done: RebuildStatus = { ...replaying, state: 'done', finishedAt: '2026-02-13T10:06:00.000Z' };
    await recordRebuild(ds, ['article_list'], () => done);
    expect(await rebuildOf('article_list')).toEqual(done);
  });
});
