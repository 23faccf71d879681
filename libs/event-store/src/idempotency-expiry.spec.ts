import { counterDecider, type CounterCommand } from '@newsroom/testing';
import { InMemoryEventStore } from './event-store.in-memory';
import { handleCommand, type CommandEnvelope } from './handle-command';

const DAY = 24 * 60 * 60 * 1000;
let now = 0;
let store: InMemoryEventStore;
beforeEach(() => {
  now = Date.parse('2030-01-15T10:00:00Z');
  store = new InMemoryEventStore(DAY, () => now);
});

const idempotency = { actorId: 'u1', key: 'retry-1', requestHash: 'a'.repeat(64) };
const envelope = (requestHash = idempotency.requestHash): CommandEnvelope<CounterCommand> => ({
  streamId: 'counter-1',
  command: { type: 'Increment', by: 1 },
  metadata: { actor: { id: 'u1', name: 'Eda', role: 'editor' }, commandId: 'c', correlationId: 'c', causationId: 'c' },
  now: new Date(now).toISOString(),
  idempotency: { ...idempotency, requestHash },
});
const run = (requestHash?: string) =>
  handleCommand(store, counterDecider, envelope(requestHash), ({ version }) => ({ version }));

describe('an idempotency key over time', () => {
  it('replays the first answer within its time to live', async () => {
    await run();
    now += DAY - 1;

    expect((await run()).answer).toEqual({ version: 1 });
    expect(await store.readStream('counter-1')).toHaveLength(1);
  });

  it('is a new request once expired, and is recorded anew', async () => {
    await run();
    now += DAY;

    expect((await run('b'.repeat(64))).answer).toEqual({ version: 2 });
    expect(await store.recall(idempotency)).toEqual({ requestHash: 'b'.repeat(64), answer: { version: 2 } });
  });

  it('is purged with every other expired key, and only those', async () => {
    await run();
    now += DAY;
    await handleCommand(
      store,
      counterDecider,
      { ...envelope(), idempotency: { ...idempotency, key: 'fresh' } },
      () => 0,
    );

    expect(await store.purgeExpiredKeys()).toBe(1);
    expect(await store.recall({ ...idempotency, key: 'fresh' })).toBeDefined();
  });

  it('still replays a request recorded under its legacy fingerprint', async () => {
    await run();

    const retry = handleCommand(
      store,
      counterDecider,
      {
        ...envelope('c'.repeat(64)),
        idempotency: { ...idempotency, requestHash: 'c'.repeat(64), legacyRequestHash: idempotency.requestHash },
      },
      ({ version }) => ({ version }),
    );

    expect((await retry).answer).toEqual({ version: 1 });
  });
});
