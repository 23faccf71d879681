import type { Consumer, IHeaders } from 'kafkajs';
import type { DataSource } from 'typeorm';
import type { ArticleEventEnvelope } from '@newsroom/contracts';
import { articleStreamId } from '@newsroom/editorial-domain';
import { chainAfter, GENESIS_HASH } from '@newsroom/event-store';
import { encodeEnvelope, envelopeOf } from '@newsroom/messaging';
import { waitFor } from '@newsroom/testing';
import { createTestDatabase, testKafka, type TestDatabase, type TestKafka } from '@newsroom/testing-system';
import { allMigrations } from '../migrations';
import { ARTICLE_READ_MODELS } from './projection';
import type { RunningConsumer } from './projection-consumer';
import { articleVersions } from '../tables/article-state.table';
import { projectionStatuses } from '../tables/projection-status.table';
import { PROJECTIONS } from './read-model.writers';
import { startConsumers } from './runner.fixture';
import type { Provenance } from './provenance';
import { syntheticArticleId, syntheticEvent, type SyntheticEvent } from './synthetic-article-streams';

let db: TestDatabase;
let ds: DataSource;
let k: TestKafka;
let consumers: RunningConsumer[] = [];
let dlqReader: Consumer | undefined;
const [A, B, C, D, E] = [0, 1, 2, 3, 4].map((n) => syntheticArticleId('dead', n));
let position = 1000;

const lastHash = new Map<string, string>();

/** The next link of the article's chain, as the relay would send it, with `type` or `data` made up. */
function envelope(
  articleId: string,
  version: number,
  made: Partial<Pick<SyntheticEvent, 'type' | 'data'>> = {},
): ArticleEventEnvelope {
  const e = {
    ...syntheticEvent(articleId, version, new Date(Date.UTC(2030, 2, 1, 8, version)).toISOString()),
    ...made,
  };
  const head = version === 1 ? null : { version: version - 1, hash: lastHash.get(articleId) ?? GENESIS_HASH };
  const metadata = { actor: e.actor, commandId: 'c', correlationId: 'c', causationId: 'c' };
  const [chained] = chainAfter(head, articleStreamId(articleId), [e], metadata, e.occurredAt);
  lastHash.set(articleId, chained.hash);
  return envelopeOf({ ...chained, globalPosition: (position += 1) });
}

// These messages were never stored: they drive each failure of the apply step, so the event-store
// confirmation is left out here (forged-messages.regression.int-spec.ts proves it).
const deliveredAsIs: Provenance = async (_db, items) => items;

// Everything on one partition, so the articles after a poison message share its partition.
async function send(...messages: Array<ArticleEventEnvelope | { key: string; value: string }>) {
  await k.producer.send({
    topic: k.topic,
    acks: -1,
    messages: messages.map((m) => ({ ...('eventId' in m ? encodeEnvelope(m) : m), partition: 0 })),
  });
}

const rowVersions = (table: string) => ds.query(`SELECT article_id, version FROM ${table} ORDER BY article_id`);

// Seven in each read model: the ones the first test lists.
const DEAD_LETTERS = 7 * ARTICLE_READ_MODELS.length;

beforeAll(async () => {
  db = await createTestDatabase('runner_dead_letters', allMigrations);
  ds = db.dataSource;
  k = await testKafka('dead');
  const drafted = syntheticEvent(D, 1, '').data as object;
  await send(
    envelope(A, 1),
    envelope(B, 1),
    envelope(A, 2),
    envelope(C, 1),
    envelope(D, 1, { data: { ...drafted, headline: 'Harbour\u0000plan' } }),
    envelope(E, 1),
    { key: A, value: 'not json {' },
    envelope(B, 2),
    envelope(C, 2, { type: 'ArticleTeleported' }),
    envelope(D, 2),
    envelope(B, 3),
    envelope(A, 4),
    envelope(C, 3),
    envelope(E, 3),
    envelope(B, 4),
  );
  consumers = await startConsumers(ds, k, ARTICLE_READ_MODELS, deliveredAsIs);
  await waitFor(
    'every read model past the last message',
    async () => {
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM dead_letters`);
      const versionsOfB = await Promise.all(
        ARTICLE_READ_MODELS.map(async (m) => (await articleVersions(ds, PROJECTIONS[m].rowsTable, [B])).get(B)),
      );
      return n === DEAD_LETTERS && versionsOfB.every((v) => v === 4);
    },
    30_000,
    100,
  );
});
afterAll(async () => {
  await dlqReader?.disconnect();
  await Promise.all(consumers.map((c) => c.stop()));
  await k.close();
  await db.drop();
});

describe('a message that cannot be applied', () => {
  it('is dead-lettered with its reason, and so is every later event of its article', async () => {
    for (const projection of ARTICLE_READ_MODELS) {
      const rows = await ds.query(
        `SELECT article_id, version, error, "offset" FROM dead_letters WHERE projection = $1 ORDER BY "offset"::int`,
        [projection],
      );
      expect(rows.map((r: any) => [r.article_id, r.version, r.offset, r.error.split(':')[0]])).toEqual([
        [D, 1, '4', 'QueryFailedError'],
        [A, null, '6', 'MalformedEnvelope'],
        [C, 2, '8', 'UnprojectableEvent'],
        [D, 2, '9', 'held back'],
        [A, 4, '11', 'held back'],
        [C, 3, '12', 'held back'],
        [E, 3, '13', 'VersionGap'],
      ]);
    }
  });

  it('holds back only its own article: the others, on the same partition, are applied past it', async () => {
    const expected = [
      [A, 2],
      [B, 4],
      [C, 1],
      [E, 1],
    ].map(([article_id, version]) => ({ article_id, version }));
    expect(await rowVersions('article_state')).toEqual(expected);
    expect(await rowVersions('article_list')).toEqual(expected);
    expect(await rowVersions('contributor_index_article_rows')).toEqual(expected);
    const audit = await ds.query(
      `SELECT article_id, max(version) AS version, count(*)::int AS n FROM audit_trail GROUP BY 1 ORDER BY 1`,
    );
    expect(audit).toEqual(expected.map((r) => ({ ...r, n: r.version })));
  });

  it('is copied to the DLQ topic with the projection, the reason and where it came from', async () => {
    const received: Array<{ value: string; headers: IHeaders }> = [];
    dlqReader = k.kafka.consumer({ groupId: `${k.prefix}dlq-check` });
    await dlqReader.connect();
    await dlqReader.subscribe({ topic: k.dlqTopic, fromBeginning: true });
    await dlqReader.run({
      eachMessage: async ({ message }) => {
        received.push({ value: String(message.value), headers: message.headers ?? {} });
      },
    });
    await waitFor(`${DEAD_LETTERS} dead letters on the DLQ topic`, async () => received.length >= DEAD_LETTERS, 30_000);
    const header = (m: { headers: IHeaders }, name: string) => String(m.headers[name]);
    const malformed = received.filter((m) => m.value === 'not json {');
    expect(malformed.map((m) => header(m, 'projection')).sort()).toEqual([...ARTICLE_READ_MODELS].sort());
    for (const m of malformed) {
      expect(header(m, 'error')).toMatch(/^MalformedEnvelope: /);
      expect([header(m, 'original-topic'), header(m, 'original-partition'), header(m, 'original-offset')]).toEqual([
        k.topic,
        '0',
        '6',
      ]);
    }
    expect(received).toHaveLength(DEAD_LETTERS);
  });

  it('keeps holding its article back while later articles still flow', async () => {
    await send(envelope(A, 5), envelope(B, 5));
    await waitFor(
      'B at version 5 everywhere',
      async () => {
        const rows = await ds.query(
          `SELECT count(*)::int AS n FROM article_state WHERE article_id = $1 AND version = 5`,
          [B],
        );
        const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM dead_letters WHERE version = 5`);
        return rows[0].n === 1 && n === ARTICLE_READ_MODELS.length;
      },
      30_000,
    );
    expect(await rowVersions('article_state')).toContainEqual({ article_id: A, version: 2 });
    const statuses = await projectionStatuses(ds);
    const ofArticles = statuses.filter((s) => ARTICLE_READ_MODELS.includes(s.name));
    expect(ofArticles.map((s) => [s.name, s.openDeadLetters, s.lastError?.split(':')[0]])).toEqual(
      ARTICLE_READ_MODELS.map((name) => [name, 8, 'held back']),
    );
  });
});
