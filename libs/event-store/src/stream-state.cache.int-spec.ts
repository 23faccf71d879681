import { randomUUID } from 'node:crypto';
import { counterDecider, type CounterCommand } from '@newsroom/testing';
import { createTestDatabase, type TestDatabase } from '@newsroom/testing-system';
import { eventStoreMigrations } from './data-source.factory';
import { PostgresEventStore } from './event-store';
import { ConcurrencyConflict } from './event-store.errors';
import { CommandEnvelope, handleCommand } from './handle-command';
import { StreamStateCache } from './stream-state.cache';

// Two API instances on one database, each with its own state cache: the unique (stream, version)
// key must still make every conflict exact and every stream one chain.

type Counter = { total: number; version: number };
let db: TestDatabase;
let store: PostgresEventStore;

beforeAll(async () => {
  db = await createTestDatabase('state_cache', eventStoreMigrations);
  store = new PostgresEventStore(db.dataSource);
});
afterAll(() => db.drop());

const actor = { id: 'u1', name: 'Eda Editor', role: 'editor' };
function envelope(streamId: string, by: number, expectedVersion?: number): CommandEnvelope<CounterCommand> {
  const id = randomUUID();
  return {
    streamId,
    command: { type: 'Increment', by },
    metadata: { actor, commandId: id, correlationId: id, causationId: id },
    now: new Date().toISOString(),
    expectedVersion,
  };
}

/** One API instance: its own cache, the shared database. */
function anInstance() {
  const cache = new StreamStateCache<Counter>();
  const run = (env: CommandEnvelope<CounterCommand>) =>
    handleCommand(store, counterDecider, env, ({ state, version }) => ({ total: state.total, version }), { cache });
  return { cache, run };
}

describe('two instances with their own state caches on one stream', () => {
  it('let exactly one of them take each version under If-Match, the other hearing the exact conflict', async () => {
    const [a, b] = [anInstance(), anInstance()];
    const streamId = `counter-${randomUUID()}`;
    await a.run(envelope(streamId, 1));
    await b.run(envelope(streamId, 1));

    for (let version = 2; version < 30; version++) {
      const results = await Promise.allSettled([
        a.run(envelope(streamId, 1, version)),
        b.run(envelope(streamId, 1, version)),
      ]);
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(lost).toHaveLength(1);
      expect(lost[0].reason).toEqual(new ConcurrencyConflict(streamId, version, version + 1));
    }

    const events = await store.readStream(streamId);
    expect(events.map((e) => e.version)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(await store.verify(streamId)).toMatchObject({ valid: true, events: 30 });
    expect((await a.run(envelope(streamId, 1))).answer).toEqual({ total: 31, version: 31 });
    expect((await b.run(envelope(streamId, 1))).answer).toEqual({ total: 32, version: 32 });
  });

  it('apply every command without If-Match exactly once, in one chain, and both decide on the same state', async () => {
    const [a, b] = [anInstance(), anInstance()];
    const streamId = `counter-${randomUUID()}`;
    await a.run(envelope(streamId, 1));
    await b.run(envelope(streamId, 1));
    const amounts = Array.from({ length: 20 }, (_, i) => 10 + i);

    await Promise.all(amounts.map((by, i) => (i % 2 ? a : b).run(envelope(streamId, by))));

    const events = await store.readStream(streamId);
    expect(events.map((e) => e.data.by).sort((x, y) => x - y)).toEqual([1, 1, ...amounts]);
    expect(await store.verify(streamId)).toMatchObject({ valid: true, events: 22 });
    const total = 2 + amounts.reduce((x, y) => x + y, 0);
    expect((await a.run(envelope(streamId, 1))).answer).toEqual({ total: total + 1, version: 23 });
    expect((await b.run(envelope(streamId, 1))).answer).toEqual({ total: total + 2, version: 24 });
  });
});
