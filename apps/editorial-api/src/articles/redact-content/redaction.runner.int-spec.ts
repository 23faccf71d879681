import { randomBytes, randomUUID } from 'node:crypto';
import { articleStreamId, redactableFields, type Actor } from '@newsroom/editorial-domain';
import {
  EncryptingEventStore,
  FieldCodec,
  PostgresEventStore,
  PostgresFieldKeyStore,
  type AppendOptions,
  type EventMetadata,
  type StoredEvent,
  type StreamAppend,
} from '@newsroom/event-store';
import { allMigrations } from '@newsroom/read-models';
import { anAdmin, drafted, revised } from '@newsroom/testing';
import { createTestDatabase, type TestDatabase } from '@newsroom/testing-system';
import { AppConfig } from '../../config/app-config';
import { parseApiEnv } from '../../config/api-env.schema';
import { ArticleCommandRunner } from '../shared/article-command.runner';
import { ArticleSnapshots } from '../shared/article-snapshots';
import { RedactionRunner } from './redaction.runner';

// The runner destroys keys and appends its decision in one transaction: a failed append leaves
// every key in place, and an append another writer beat is searched and decided again.

const SOURCE = 'Ada Lindqvist';
const ORDER = { reason: 'Court order', legalBasis: 'Contempt of Court Act 1981, s.10', reference: 'HC-1' };
const admin: Actor = { ...anAdmin(), roles: ['admin'] };
const metadata = { actor: { id: 'user-reporter', name: 'Rey Reporter', role: 'reporter' } } as EventMetadata;

let db: TestDatabase;
let codec: FieldCodec;
const config = new AppConfig(parseApiEnv({}));
beforeAll(async () => {
  db = await createTestDatabase('redaction_runner', allMigrations);
  codec = new FieldCodec({
    keys: new PostgresFieldKeyStore(db.dataSource),
    masterKey: randomBytes(32),
    redactableFields,
  });
});
afterAll(() => db.drop());

/** The store as stored, with something to do before the runner's first append. */
class StoreWithBefore extends PostgresEventStore {
  private before?: () => Promise<void>;
  constructor(before: () => Promise<void>) {
    super(db.dataSource);
    this.before = before;
  }
  // The runner appends the article and the contributions it reached in one call.
  override async appendToStreams(
    parts: StreamAppend[],
    meta: EventMetadata,
    at: string,
    opts?: AppendOptions,
  ): Promise<StoredEvent[][]> {
    const before = this.before;
    this.before = undefined;
    await before?.();
    return super.appendToStreams(parts, meta, at, opts);
  }
}

const runnerOn = (stored: PostgresEventStore) =>
  new RedactionRunner(
    stored,
    codec,
    db.dataSource,
    new ArticleCommandRunner(new EncryptingEventStore(stored, codec), config),
    new ArticleSnapshots(db.dataSource),
    config,
  );

async function aStory(): Promise<{ articleId: string; plain: EncryptingEventStore }> {
  const articleId = randomUUID();
  const plain = new EncryptingEventStore(new PostgresEventStore(db.dataSource), codec);
  const story = drafted({ body: [{ type: 'paragraph', text: `Told by ${SOURCE}.` }] });
  await plain.append(
    articleStreamId(articleId),
    null,
    [{ ...story, data: { ...story.data, articleId } }],
    metadata,
    at(),
  );
  return { articleId, plain };
}
const at = () => new Date().toISOString();
const count = async (sql: string, ...params: unknown[]) => (await db.dataSource.query(sql, params))[0].n as number;
const liveKeysOf = (articleId: string) =>
  count(`SELECT count(*)::int AS n FROM field_keys WHERE stream_id = $1`, articleStreamId(articleId));
const tombstonesOf = (articleId: string) =>
  count(`SELECT count(*)::int AS n FROM field_key_tombstones WHERE stream_id = $1`, articleStreamId(articleId));
const request = { type: 'RequestRedaction' as const, passage: SOURCE, ...ORDER };

describe('a redaction whose append fails', () => {
  it('destroys no key: the destruction is rolled back with it', async () => {
    const { articleId } = await aStory();
    const keysBefore = await liveKeysOf(articleId);
    const failing = new StoreWithBefore(() => Promise.reject(new Error('the disk is full')));
    await expect(runnerOn(failing).run(articleId, request, admin, { correlationId: 'c' })).rejects.toThrow(
      'the disk is full',
    );
    expect(await liveKeysOf(articleId)).toBe(keysBefore);
    expect(await tombstonesOf(articleId)).toBe(0);
  });
});

describe('a redaction another writer beats to the next version', () => {
  it('searches again and takes effect on what the winner wrote too, each key destroyed once', async () => {
    const { articleId, plain } = await aStory();
    const streamId = articleStreamId(articleId);
    // The winner appends version 2, itself naming the source, between the search and the append.
    const winner = async () => {
      const [head] = (await plain.readStream(streamId)).slice(-1);
      await plain.append(streamId, head, [revised({ standfirst: `More from ${SOURCE}.` })], metadata, at());
    };
    const answer = await runnerOn(new StoreWithBefore(winner)).run(articleId, request, admin, { correlationId: 'c' });
    expect(answer).toMatchObject({ version: 3, status: 'redacted' });
    const [redacted] = (await plain.readStream(streamId)).slice(-1);
    expect(redacted.data.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'body[0].text',
      'changes.standfirst',
    ]);
    expect(redacted.data.working.standfirst).toBe('More from.');
    expect(await tombstonesOf(articleId)).toBe(2);
    expect(JSON.stringify(await plain.readStream(streamId))).not.toContain(SOURCE);
  });
});
