import { randomUUID } from 'node:crypto';
import { articleStreamId, type ArticleEvent } from '@newsroom/editorial-domain';
import { PostgresEventStore, streamsWithDueEvent, streamsWithUnreadableTimer } from '@newsroom/event-store';
import { allMigrations } from '@newsroom/read-models';
import { approved, drafted, publicationScheduled, submitted } from '@newsroom/testing';
import { createTestDatabase, type TestDatabase } from '@newsroom/testing-system';
import { ArticleCommandRunner } from '../articles/shared/article-command.runner';
import { AppConfig } from '../config/app-config';
import { parseApiEnv } from '../config/api-env.schema';
import { PublicationScheduler } from './publication.scheduler';

// Bug: the API accepted `publishAt: 2099-01-01T00:00:00+20:00`; PostgreSQL cannot cast that offset,
// and the scheduler's query cast every scheduled event on each tick, so from then on it failed at
// every tick and no scheduled article ever published again. Events are append-only: such rows stay.

let db: TestDatabase;
let store: PostgresEventStore;
let scheduler: PublicationScheduler;
beforeAll(async () => {
  db = await createTestDatabase('unreadable_schedule', allMigrations);
  store = new PostgresEventStore(db.dataSource);
  const config = new AppConfig(parseApiEnv({}));
  scheduler = new PublicationScheduler(db.dataSource, new ArticleCommandRunner(store, config), config);
});
afterAll(() => db.drop());

const meta = { actor: { id: 'u-editor', name: 'Eda Editor', role: 'editor' }, commandId: 'c', correlationId: 'c' };

/** An approved article scheduled for `publishAt`, stored as is: the store checks nothing of the data. */
async function scheduledFor(publishAt: unknown): Promise<string> {
  const articleId = randomUUID();
  const draft = drafted();
  const scheduled = publicationScheduled();
  const history = [
    { ...draft, data: { ...draft.data, articleId } },
    submitted(),
    approved(),
    { ...scheduled, data: { ...scheduled.data, publishAt } },
  ] as ArticleEvent[];
  await store.append(articleStreamId(articleId), null, history, { ...meta, causationId: 'c' }, anHourAgo());
  return articleId;
}

const anHourAgo = () => new Date(Date.now() - 3_600_000).toISOString();

const types = async (articleId: string) => (await store.readStream(articleStreamId(articleId))).map((e) => e.type);

const SCHEDULED = {
  type: 'PublicationScheduled',
  dueField: 'publishAt',
  supersededBy: ['PublicationScheduled', 'ScheduleCancelled', 'ArticlePublished'],
  limit: 100,
};

describe('regression: one unreadable scheduled time stopped the scheduler for good', () => {
  let beyondOffset: string;
  let garbage: string;
  let missing: string;
  let due: string;
  beforeAll(async () => {
    beyondOffset = await scheduledFor('2099-01-01T00:00:00+20:00');
    garbage = await scheduledFor('next tuesday');
    missing = await scheduledFor(undefined);
    due = await scheduledFor(anHourAgo());
  });

  it('finds the due article past the rows PostgreSQL cannot cast', async () => {
    const streams = await streamsWithDueEvent(db.dataSource, SCHEDULED);

    expect(streams).toEqual([articleStreamId(due)]);
  });

  it('names each unreadable scheduled time with the value as stored', async () => {
    const unreadable = await streamsWithUnreadableTimer(db.dataSource, SCHEDULED);

    expect(unreadable).toEqual(
      expect.arrayContaining([
        { streamId: articleStreamId(beyondOffset), value: '2099-01-01T00:00:00+20:00' },
        { streamId: articleStreamId(garbage), value: 'next tuesday' },
        { streamId: articleStreamId(missing), value: null },
      ]),
    );
    expect(unreadable).toHaveLength(3);
  });

  it('publishes the article that is due, and reports the unreadable ones in its status', async () => {
    await scheduler.tick();

    expect((await types(due)).at(-1)).toBe('ArticlePublished');
    expect((await types(beyondOffset)).at(-1)).toBe('PublicationScheduled');
    const status = scheduler.status();
    expect(status.lastError).toBeNull();
    expect(status.unreadable).toEqual(
      expect.arrayContaining([
        { articleId: beyondOffset, publishAt: '2099-01-01T00:00:00+20:00' },
        { articleId: garbage, publishAt: 'next tuesday' },
      ]),
    );
  });
});
