import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { ArticleEventEnvelope } from '@newsroom/contracts';
import { articleStreamId } from '@newsroom/editorial-domain';
import { chainAfter, loadUnchainedEvents, PostgresEventStore } from '@newsroom/event-store';
import { encodeEnvelope, envelopeOf } from '@newsroom/messaging';
import { addContributor, draftArticle, reviseArticle, waitFor } from '@newsroom/testing';
import { createTestDatabase, testKafka, type TestDatabase, type TestKafka } from '@newsroom/testing-system';
import { allMigrations } from '../migrations';
import { ARTICLE_READ_MODELS } from './projection';
import type { RunningConsumer } from './projection-consumer';
import { PROJECTIONS } from './read-model.writers';
import { rebuildProjection } from './rebuild';
import { caughtUp, groupsAtEnd, relay, runCommands, startConsumers } from './runner.fixture';

// Bug: the projector applied whatever the topic held. Anyone able to produce to it could write
// read-model content or park an article; the message carried no hash to check.

let db: TestDatabase;
let ds: DataSource;
let k: TestKafka;
let consumers: RunningConsumer[] = [];
let relayed = 0;
const [honest, tampered, forged, unlinked] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];

const stored = async (articleId: string): Promise<ArticleEventEnvelope[]> =>
  (await new PostgresEventStore(ds).readStream(articleStreamId(articleId))).map(envelopeOf);
const send = (...envelopes: ArticleEventEnvelope[]) =>
  k.producer.send({ topic: k.topic, acks: -1, messages: envelopes.map(encodeEnvelope) });

/** What a forger who reads the topic can build: the article's next link, with a hash that recomputes. */
async function nextLink(articleId: string, headline: string, prevHash?: string) {
  const [last] = (await stored(articleId)).slice(-1);
  const metadata = { ...last.metadata, commandId: randomUUID() };
  const [e] = chainAfter(
    { version: last.version, hash: prevHash ?? last.hash },
    articleStreamId(articleId),
    [{ type: 'ArticleRevised', data: { changes: { headline } } }],
    metadata,
    new Date().toISOString(),
  );
  return { ...e, globalPosition: last.position + 1_000_000 };
}

const deadLetters = (articleId: string): Promise<Array<{ projection: string; error: string }>> =>
  ds.query(`SELECT projection, error FROM dead_letters WHERE article_id = $1 AND resolved_at IS NULL ORDER BY 1`, [
    articleId,
  ]);
const reasons = async (articleId: string, count = ARTICLE_READ_MODELS.length) =>
  waitFor(
    `${count} dead letters of ${articleId}`,
    async () => {
      const letters = await deadLetters(articleId);
      return letters.length >= count ? [...new Set(letters.map((l) => l.error.split(':')[0]))] : undefined;
    },
    30_000,
    100,
  );
const versions = (articleId: string) =>
  Promise.all(
    ARTICLE_READ_MODELS.map(async (m) => {
      const [r] = await ds.query(`SELECT version FROM ${PROJECTIONS[m].rowsTable} WHERE article_id = $1`, [articleId]);
      return r?.version;
    }),
  );
const headlines = async () =>
  (await ds.query(`SELECT headline FROM article_list UNION ALL SELECT row->>'headline' FROM article_state`)).map(
    (r: { headline: string }) => r.headline,
  );

beforeAll(async () => {
  db = await createTestDatabase('runner_forged', allMigrations);
  ds = db.dataSource;
  k = await testKafka('forged');
  for (const article of [honest, tampered, forged, unlinked]) {
    await runCommands(ds, article, [draftArticle({ headline: `Story ${article.slice(0, 8)}` })]);
  }
  await runCommands(ds, honest, [addContributor({ name: 'Cal Contributor' })]);
  relayed = await relay(ds, k);
  consumers = await startConsumers(ds, k);
  for (const name of ARTICLE_READ_MODELS) await caughtUp(ds, name);
});
afterAll(async () => {
  await Promise.all(consumers.map((c) => c.stop()));
  await k.close();
  await db.drop();
});

describe('regression: the projector trusted every message on the topic', () => {
  it('applies the relayed chain and keeps, per read model, the hash of each article’s last event', async () => {
    const [head] = (await stored(honest)).slice(-1);
    for (const m of ARTICLE_READ_MODELS) {
      const [row] = await ds.query(`SELECT version, last_hash FROM ${PROJECTIONS[m].rowsTable} WHERE article_id = $1`, [
        honest,
      ]);
      expect(row).toEqual({ version: 2, last_hash: head.hash });
    }
  });

  it('dead-letters a message sent straight to the topic with a wrong hash; no read model shows it', async () => {
    const link = envelopeOf(await nextLink(tampered, 'Honest headline'));
    await send({ ...link, data: { changes: { headline: 'Tampered headline' } } });

    expect(await reasons(tampered)).toEqual(['TamperedEnvelope']);
    expect(await versions(tampered)).toEqual(ARTICLE_READ_MODELS.map(() => 1));
    expect(await headlines()).not.toContain('Tampered headline');
  });

  it('refuses a message whose hash recomputes but which the event store does not hold', async () => {
    await send(envelopeOf(await nextLink(forged, 'Forged headline')));

    expect(await reasons(forged)).toEqual(['NotInEventStore']);
    expect(await versions(forged)).toEqual(ARTICLE_READ_MODELS.map(() => 1));
    expect(await headlines()).not.toContain('Forged headline');
  });

  it('refuses a stored event whose prevHash is not the hash of the last event applied', async () => {
    const e = await nextLink(unlinked, 'Unlinked headline', 'f'.repeat(64));
    await loadUnchainedEvents(ds, [{ ...e, chain: e }]);
    relayed = await relay(ds, k, relayed);

    expect(await reasons(unlinked)).toEqual(['OutOfChain']);
    expect(await versions(unlinked)).toEqual(ARTICLE_READ_MODELS.map(() => 1));
  });

  it('holds back only those articles: the honest one goes on', async () => {
    await runCommands(ds, honest, [reviseArticle({ headline: 'Honest story, revised' })]);
    relayed = await relay(ds, k, relayed);

    await waitFor('honest at version 3', async () => (await versions(honest)).every((v) => v === 3), 30_000, 100);
    expect(await deadLetters(honest)).toEqual([]);
  });

  it('takes a redelivery of events already applied as harmless', async () => {
    await send(...(await stored(honest)));
    await waitFor(
      'every group past the redelivery',
      () =>
        groupsAtEnd(
          k,
          consumers.map((c) => c.groupId),
        ),
      30_000,
    );

    expect(await deadLetters(honest)).toEqual([]);
    expect(await versions(honest)).toEqual(ARTICLE_READ_MODELS.map(() => 3));
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM audit_trail WHERE article_id = $1`, [honest]);
    expect(n).toBe(3);
  });

  it('rebuilds with each article’s last hash, and keeps the unlinked event out', async () => {
    await rebuildProjection(ds, 'article_list');

    const rows: Array<{ article_id: string; version: number; last_hash: string }> = await ds.query(
      `SELECT article_id, version, last_hash FROM article_list_article_rows`,
    );
    const heads = await Promise.all(
      [honest, tampered, forged].map(async (a) => ({ article_id: a, head: (await stored(a)).slice(-1)[0] })),
    );
    for (const { article_id, head } of heads) {
      expect(rows.find((r) => r.article_id === article_id)).toEqual({
        article_id,
        version: head.version,
        last_hash: head.hash,
      });
    }
    expect(rows.find((r) => r.article_id === unlinked)?.version).toBe(1);
  });
});
