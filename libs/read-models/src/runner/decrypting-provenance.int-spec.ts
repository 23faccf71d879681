import { randomBytes, randomUUID } from 'node:crypto';
import type { Consumer } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { redactableFields, type ArticleCommand } from '@newsroom/editorial-domain';
import { EncryptingEventStore, FieldCodec, PostgresEventStore, PostgresFieldKeyStore } from '@newsroom/event-store';
import { addContributor, draftArticle, waitFor } from '@newsroom/testing';
import { createTestDatabase, testKafka, type TestDatabase, type TestKafka } from '@newsroom/testing-system';
import { allMigrations } from '../migrations';
import { decryptingProvenance } from './decrypting-provenance';
import type { RunningConsumer } from './projection-consumer';
import { rebuildProjection } from './rebuild';
import { caughtUp, relay, runCommands, startConsumers } from './runner.fixture';

// Issue #12's read side, end to end on one read model: events written through the encrypting store,
// relayed as stored, projected by a consumer whose provenance opens the fields, and rebuilt.

const SOURCE = 'Ada Lindqvist';
const articleId = randomUUID();
let db: TestDatabase;
let ds: DataSource;
let k: TestKafka;
let store: EncryptingEventStore;
let codec: FieldCodec;
let consumers: RunningConsumer[] = [];
let reader: Consumer | undefined;

const run = (command: ArticleCommand) => runCommands(store, articleId, [command]);

beforeAll(async () => {
  db = await createTestDatabase('runner_encrypted', allMigrations);
  ds = db.dataSource;
  k = await testKafka('encrypted');
  codec = new FieldCodec({ keys: new PostgresFieldKeyStore(ds), masterKey: randomBytes(32), redactableFields });
  store = new EncryptingEventStore(new PostgresEventStore(ds), codec);
  await run(
    draftArticle({
      headline: 'Leaked draft on fishing quotas',
      body: [{ type: 'quote', text: 'It was never meant to be public.', attribution: SOURCE }],
    }),
  );
  await run(addContributor({ contributorId: 'c-source', name: SOURCE, role: 'contributor' }));
  await relay(ds, k);
});
afterAll(async () => {
  await reader?.disconnect();
  await Promise.all(consumers.map((c) => c.stop()));
  await k.close();
  await db.drop();
});

describe('encrypted events through Kafka to a read model', () => {
  it('travel as ciphertext: read from the beginning, the topic names the source nowhere', async () => {
    const values: string[] = [];
    reader = k.kafka.consumer({ groupId: `${k.prefix}reader` });
    await reader.connect();
    await reader.subscribe({ topic: k.topic, fromBeginning: true });
    await reader.run({ eachMessage: async ({ message }) => void values.push(message.value!.toString('utf8')) });
    await waitFor('both events', async () => values.length >= 2, 30_000);

    expect(values.join('\n')).not.toContain('Lindqvist');
    expect(values.join('\n')).toContain('"$enc"');
  });

  it('are projected in plaintext by a consumer whose provenance decrypts', async () => {
    consumers = await startConsumers(ds, k, ['article_state'], decryptingProvenance(codec));
    await caughtUp(ds, 'article_state');

    const [{ row }] = await ds.query(`SELECT row FROM article_state WHERE article_id = $1`, [articleId]);
    expect(row.working.headline).toBe('Leaked draft on fishing quotas');
    const quote = { type: 'quote', text: 'It was never meant to be public.', attribution: SOURCE };
    expect(row.working.body).toEqual([quote]);
    expect(row.working.contributors).toEqual(expect.arrayContaining([expect.objectContaining({ name: SOURCE })]));
  });

  it('are rebuilt into the same rows by a rebuild that opens its pages', async () => {
    await caughtUp(ds, 'article_state');

    const result = await rebuildProjection(ds, 'article_state', { openEvents: (events) => codec.decrypt(events) });

    expect(result.contentHash).toBe(result.replacedContentHash);
    const [{ row }] = await ds.query(`SELECT row FROM article_state WHERE article_id = $1`, [articleId]);
    expect(row.working.contributors).toEqual(expect.arrayContaining([expect.objectContaining({ name: SOURCE })]));
  });
});
