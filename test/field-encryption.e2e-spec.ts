import type { Consumer } from 'kafkajs';
import { waitFor, wireStory } from '@newsroom/testing';
import { createKafka, topicNames } from '@newsroom/messaging';
import { brokers, type SystemHarness } from '@newsroom/testing-system';
import { newsroomClient } from './newsroom.client';
import { startNewsroom } from './newsroom.harness';

// Issue #12's write and read paths switched on: the store and Kafka hold ciphertext, everyone
// allowed to read sees the text. A name that appears only in redactable fields.
const SOURCE = 'Ada Lindqvist';

let api: SystemHarness;
let client: ReturnType<typeof newsroomClient>;
let consumer: Consumer | undefined;

beforeAll(async () => {
  api = await startNewsroom('field-encryption');
  client = newsroomClient(api);
});
afterAll(async () => {
  await consumer?.disconnect();
  await api.close();
});

/** Every message of the article topic, read from the beginning, once it holds `count` of the article's. */
async function topicMessages(articleId: string, count: number): Promise<string[]> {
  const seen: { key: string; value: string }[] = [];
  consumer = createKafka({ brokers, clientId: 'field-encryption-e2e' }).consumer({
    groupId: `field-encryption-e2e-${articleId}`,
  });
  await consumer.connect();
  await consumer.subscribe({ topic: topicNames(api.topicPrefix).articleEvents, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      seen.push({ key: String(message.key), value: message.value?.toString('utf8') ?? '' });
    },
  });
  await waitFor(
    `${count} messages of article ${articleId} on the topic`,
    async () => seen.filter((m) => m.key === articleId).length >= count,
    30_000,
  );
  return seen.map((m) => m.value);
}

describe('an article whose text names a source', () => {
  let id: string;

  beforeAll(async () => {
    const reporter = await client.as('reporter');
    const draft = await api
      .http()
      .post('/api/articles')
      .set(reporter)
      .send({ ...wireStory, headline: `${SOURCE} speaks on fishing quotas` })
      .expect(201);
    id = draft.body.id;
    await api
      .http()
      .patch(`/api/articles/${id}`)
      .set(reporter)
      .set('If-Match', '1')
      .send({ body: [{ type: 'paragraph', text: `The plan was passed to us by ${SOURCE}.` }] })
      .expect(200);
  });

  it('is stored with its text encrypted, and still verifies', async () => {
    const rows = await api.db.dataSource.query(`SELECT data::text AS data FROM events WHERE stream_id = $1`, [
      `article-${id}`,
    ]);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.data).toContain('"$enc"');
      expect(row.data).not.toContain(SOURCE);
    }
    const verified = await api
      .http()
      .get(`/api/articles/${id}/verify`)
      .set(await client.as('auditor'))
      .expect(200);
    expect(verified.body).toMatchObject({ valid: true, events: 2 });
  });

  it('reads as text in the read models the projector builds', async () => {
    const article = await client.articleAt(id, 2);
    expect(article.working.headline).toBe(`${SOURCE} speaks on fishing quotas`);
    expect(article.working.body).toEqual([{ type: 'paragraph', text: `The plan was passed to us by ${SOURCE}.` }]);
  });

  it('goes to Kafka encrypted', async () => {
    await client.articleAt(id, 2); // relayed, so the topic exists
    const messages = await topicMessages(id, 2);
    expect(messages.join('\n')).toContain('"$enc"');
    expect(messages.join('\n')).not.toContain(SOURCE);
  });

  it('reads as text in the versions time travel recomputes from the store', async () => {
    const auditor = await client.as('auditor');
    const first = await api.http().get(`/api/articles/${id}/versions/1`).set(auditor).expect(200);
    expect(JSON.stringify(first.body)).toContain(`${SOURCE} speaks on fishing quotas`);
    const diff = await api.http().get(`/api/articles/${id}/diff?from=1&to=2`).set(auditor).expect(200);
    expect(JSON.stringify(diff.body)).toContain(`The plan was passed to us by ${SOURCE}.`);
  });
});
