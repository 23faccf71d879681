import { randomUUID } from 'node:crypto';
import { counterDecider, type CounterCommand } from '@newsroom/testing';
import { createTestDatabase, type TestDatabase } from '@newsroom/testing-system';
import { eventStoreMigrations } from './data-source.factory';
import { PostgresEventStore } from './event-store';
import { eventStoreContract } from './event-store.contract.fixture';
import { ConcurrencyConflict } from './event-store.errors';
import { CommandEnvelope, handleCommand } from './handle-command';
import { IdempotencyKeyReused } from './idempotency';

let db: TestDatabase;
let store: PostgresEventStore;

beforeAll(async () => {
  db = await createTestDatabase('event_store', eventStoreMigrations);
  store = new PostgresEventStore(db.dataSource);
});
afterAll(() => db.drop());

describe('the PostgreSQL event store', () => {
  eventStoreContract(() => store);
});

const actor = { id: 'u1', name: 'Eda Editor', role: 'editor' };
function envelope(
  streamId: string,
  extra: Partial<CommandEnvelope<CounterCommand>> = {},
): CommandEnvelope<CounterCommand> {
  const id = randomUUID();
  return {
    streamId,
    command: { type: 'Increment', by: 1 },
    metadata: { actor, commandId: id, correlationId: id, causationId: id },
    now: new Date().toISOString(),
    ...extra,
  };
}
const run = (env: CommandEnvelope<CounterCommand>) =>
  handleCommand(store, counterDecider, env, ({ version }) => ({ version }));

async function streamWith(n: number): Promise<string> {
  const streamId = `article-${randomUUID()}`;
  for (let i = 0; i < n; i++) await run(envelope(streamId));
  return streamId;
}

describe('appending with an expected version', () => {
  it('lets exactly one of 50 concurrent commands win and refuses the rest as conflicts', async () => {
    const streamId = await streamWith(1);
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () => run(envelope(streamId, { expectedVersion: 1 }))),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    for (const r of lost) expect(r.reason).toBeInstanceOf(ConcurrencyConflict);
    const versions = (await store.readStream(streamId)).map((e) => e.version);
    expect(versions).toEqual([1, 2]);
  });

  it('re-decides conflicting appends without an expected version, keeping versions contiguous', async () => {
    const streamId = await streamWith(0);
    await Promise.all(Array.from({ length: 20 }, () => run(envelope(streamId))));
    const events = await store.readStream(streamId);
    expect(events.map((e) => e.version)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('writes one outbox row per appended event in the same transaction', async () => {
    const streamId = await streamWith(3);
    const [{ count }] = await db.dataSource.query(`SELECT count(*)::int AS count FROM outbox WHERE stream_id = $1`, [
      streamId,
    ]);
    expect(count).toBe(3);
  });

  it('stores nothing when the decider refuses', async () => {
    const streamId = await streamWith(1);
    await expect(run(envelope(streamId, { command: { type: 'Increment', by: 0 } }))).rejects.toThrow('positive');
    expect(await store.readStream(streamId)).toHaveLength(1);
  });
});

describe('idempotency keys', () => {
  it('keeps the answer as it was given, whatever its shape', async () => {
    const streamId = await streamWith(0);
    const idempotency = { actorId: actor.id, key: randomUUID(), requestHash: 'a'.repeat(64) };
    const answer = { id: 'a-1', version: 1, photoId: 'p-1', nested: { list: [1, 'two', null] } };
    await handleCommand(store, counterDecider, envelope(streamId, { idempotency }), () => answer);
    const [row] = await db.dataSource.query(`SELECT answer FROM idempotency_keys WHERE key = $1`, [idempotency.key]);
    expect(row.answer).toEqual(answer);
  });

  it('turns ten concurrent retries with one key into one set of events and one answer', async () => {
    const streamId = await streamWith(1);
    const idempotency = { actorId: actor.id, key: randomUUID(), requestHash: 'a'.repeat(64) };
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => run(envelope(streamId, { idempotency }))));
    expect(await store.readStream(streamId)).toHaveLength(2);
    expect(outcomes.filter((o) => !o.replayed)).toHaveLength(1);
    for (const o of outcomes) expect(o.answer).toEqual({ version: 2 });
  });

  it('refuses the same key with a different request', async () => {
    const streamId = await streamWith(1);
    const key = randomUUID();
    await run(envelope(streamId, { idempotency: { actorId: actor.id, key, requestHash: 'a'.repeat(64) } }));
    await expect(
      run(envelope(streamId, { idempotency: { actorId: actor.id, key, requestHash: 'b'.repeat(64) } })),
    ).rejects.toBeInstanceOf(IdempotencyKeyReused);
    expect(await store.readStream(streamId)).toHaveLength(2);
  });
});

describe('append-only history', () => {
  it.each([
    ['UPDATE', (s: string) => `UPDATE events SET data = '{"by":99}' WHERE stream_id = '${s}'`],
    ['DELETE', (s: string) => `DELETE FROM events WHERE stream_id = '${s}'`],
    ['TRUNCATE', () => `TRUNCATE events CASCADE`],
  ])('is enforced by the database against %s', async (_, sql) => {
    const streamId = await streamWith(2);
    await expect(db.dataSource.query(sql(streamId))).rejects.toThrow(/append-only/);
    expect(await store.readStream(streamId)).toHaveLength(2);
  });
});

describe('the hash chain against tampering in SQL', () => {
  // Tampering needs the triggers off, as an attacker with superuser access would do.
  async function tamper(sql: string) {
    await db.dataSource.transaction(async (m) => {
      await m.query(`SET LOCAL session_replication_role = replica`);
      await m.query(sql);
    });
  }

  it('detects an UPDATE of an event made in SQL', async () => {
    const streamId = await streamWith(3);
    await tamper(`UPDATE events SET data = '{"by": 5}' WHERE stream_id = '${streamId}' AND version = 2`);
    expect(await store.verify(streamId)).toMatchObject({ valid: false, brokenAt: 2 });
  });

  it('detects a DELETE of an event made in SQL', async () => {
    const streamId = await streamWith(3);
    await tamper(`DELETE FROM events WHERE stream_id = '${streamId}' AND version = 2`);
    expect(await store.verify(streamId)).toMatchObject({ valid: false, brokenAt: 2 });
  });

  it('detects two events swapped in SQL', async () => {
    const streamId = `article-${randomUUID()}`;
    await run(envelope(streamId, { command: { type: 'Increment', by: 1 } }));
    await run(envelope(streamId, { command: { type: 'Increment', by: 2 } }));
    await tamper(
      `UPDATE events SET version = CASE version WHEN 1 THEN 1000 ELSE version END WHERE stream_id = '${streamId}'`,
    );
    await tamper(`UPDATE events SET version = 1 WHERE stream_id = '${streamId}' AND version = 2`);
    await tamper(`UPDATE events SET version = 2 WHERE stream_id = '${streamId}' AND version = 1000`);
    expect(await store.verify(streamId)).toMatchObject({ valid: false, brokenAt: 1 });
  });
});
