import { randomUUID } from 'node:crypto';
import type { ArticleView } from '@newsroom/contracts';
import { articleDecider, articleStreamId, type ArticleCommand } from '@newsroom/editorial-domain';
import { handleCommand, PostgresEventStore } from '@newsroom/event-store';
import { envelopeOf } from '@newsroom/messaging';
import { allMigrations, articleDiffOf, articleViewOf, evolveArticleRow, type ArticleRow } from '@newsroom/read-models';
import { addContributor, anEditor, ARTICLE_ID, draftArticle, meta, reviseArticle } from '@newsroom/testing';
import { createTestDatabase, type TestDatabase } from '@newsroom/testing-system';
import { ArticleSnapshots, SNAPSHOT_EVERY } from './article-snapshots';
import { ArticleTimeTravel } from './article-time-travel';

// Time travel starts from snapshots: whatever it answers must be what a fold from the first event
// answers, and a snapshot the stream no longer vouches for must change nothing.

const VERSIONS = 2 * SNAPSHOT_EVERY + 50;
const streamId = articleStreamId(ARTICLE_ID);
const instant = (i: number) => new Date(Date.UTC(2030, 0, 1) + i * 1000).toISOString();

let db: TestDatabase;
let store: PostgresEventStore;
let timeTravel: ArticleTimeTravel;
/** The article at every version, folded from the first event: the answers to match. */
const scratch = new Map<number, ArticleRow>();

beforeAll(async () => {
  db = await createTestDatabase('time_travel', allMigrations);
  store = new PostgresEventStore(db.dataSource);
  timeTravel = new ArticleTimeTravel(store, new ArticleSnapshots(db.dataSource));
  const actor = { id: anEditor().id, name: anEditor().name, role: 'editor' };
  for (let i = 0; i < VERSIONS; i++) {
    const command: ArticleCommand =
      i === 0
        ? draftArticle({}, meta(anEditor()))
        : i % 5 === 0
          ? addContributor({ contributorId: randomUUID(), name: `Writer ${i}` })
          : reviseArticle({ headline: `Harbour story, take ${i}` });
    const id = randomUUID();
    const metadata = { actor, commandId: id, correlationId: id, causationId: id };
    await handleCommand(store, articleDecider, { streamId, command, metadata, now: instant(i) }, () => undefined);
  }
  let row: ArticleRow | null = null;
  for (const e of await store.readStream(streamId))
    scratch.set(e.version, (row = evolveArticleRow(row, envelopeOf(e))));
}, 60_000);
afterAll(() => db.drop());

const viewAt = (n: number): ArticleView => articleViewOf(scratch.get(n)!);
const snapshotVersions = async (): Promise<number[]> =>
  (await db.dataSource.query(`SELECT version FROM article_snapshots ORDER BY version`)).map(
    (r: { version: number }) => r.version,
  );
const SOME_VERSIONS = [1, SNAPSHOT_EVERY - 1, SNAPSHOT_EVERY, SNAPSHOT_EVERY + 1, 2 * SNAPSHOT_EVERY + 7, VERSIONS];

describe('time travel on a long article', () => {
  it('answers every version, before and after it keeps snapshots, as a fold from the first event does', async () => {
    for (const n of [...SOME_VERSIONS, ...SOME_VERSIONS]) {
      expect(await timeTravel.at(ARTICLE_ID, { toVersion: n })).toEqual(viewAt(n));
    }
    expect(await snapshotVersions()).toEqual([SNAPSHOT_EVERY, 2 * SNAPSHOT_EVERY]);
  });

  it('answers an instant as a fold from the first event does', async () => {
    for (const n of SOME_VERSIONS) {
      expect(await timeTravel.at(ARTICLE_ID, { until: new Date(instant(n - 1)) })).toEqual(viewAt(n));
    }
  });

  it('diffs two versions on either side of a snapshot as the rows folded from the first event differ', async () => {
    const [from, to] = [SNAPSHOT_EVERY - 3, 2 * SNAPSHOT_EVERY + 4];
    expect(await timeTravel.diff(ARTICLE_ID, from, to)).toEqual(articleDiffOf(scratch.get(from)!, scratch.get(to)!));
  });

  it('ignores and replaces a snapshot whose event in the stream carries another hash', async () => {
    await timeTravel.at(ARTICLE_ID, { toVersion: VERSIONS });
    const forged = { ...scratch.get(2 * SNAPSHOT_EVERY)!, working: { headline: 'Forged' } };
    await db.dataSource.query(`UPDATE article_snapshots SET hash = 'not-the-hash', row = $1 WHERE version = $2`, [
      JSON.stringify(forged),
      2 * SNAPSHOT_EVERY,
    ]);

    expect(await timeTravel.at(ARTICLE_ID, { toVersion: 2 * SNAPSHOT_EVERY + 1 })).toEqual(
      viewAt(2 * SNAPSHOT_EVERY + 1),
    );
    const [kept] = await db.dataSource.query(`SELECT hash, row FROM article_snapshots WHERE version = $1`, [
      2 * SNAPSHOT_EVERY,
    ]);
    expect(kept.hash).toBe(
      (await store.readStream(streamId, { fromVersion: 2 * SNAPSHOT_EVERY, toVersion: 2 * SNAPSHOT_EVERY }))[0].hash,
    );
    expect(kept.row.working.headline).not.toBe('Forged');
  });
});
