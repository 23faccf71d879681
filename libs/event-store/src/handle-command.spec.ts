import { randomUUID } from 'node:crypto';
import { counterDecider, type CounterCommand } from '@newsroom/testing';
import { ConcurrencyConflict } from './event-store.errors';
import { InMemoryEventStore } from './event-store.in-memory';
import { CommandEnvelope, handleCommand } from './handle-command';
import { IdempotencyKeyReused } from './idempotency';

const actor = { id: 'u1', name: 'Eda Editor', role: 'editor' };
let store: InMemoryEventStore;
beforeEach(() => (store = new InMemoryEventStore()));

function envelope(extra: Partial<CommandEnvelope<CounterCommand>> = {}): CommandEnvelope<CounterCommand> {
  const id = randomUUID();
  return {
    streamId: 'counter-1',
    command: { type: 'Increment', by: 1 },
    metadata: { actor, commandId: id, correlationId: id, causationId: id },
    now: '2030-01-01T08:00:00.000Z',
    ...extra,
  };
}
const run = (env: CommandEnvelope<CounterCommand>) =>
  handleCommand(store, counterDecider, env, ({ state, version }) => ({ total: state.total, version }));

describe('handling a command', () => {
  it('appends what the decider decided and answers from the state after it', async () => {
    await run(envelope());
    const outcome = await run(envelope({ command: { type: 'Increment', by: 5 } }));

    expect(outcome).toMatchObject({ answer: { total: 6, version: 2 }, replayed: false });
    expect(outcome.appended.map((e) => [e.version, e.data])).toEqual([[2, { by: 5 }]]);
    expect(await store.readStream('counter-1')).toHaveLength(2);
  });

  it('stores nothing when the decider refuses', async () => {
    await expect(run(envelope({ command: { type: 'Increment', by: 0 } }))).rejects.toThrow('positive');
    expect(await store.readStream('counter-1')).toEqual([]);
  });

  it('refuses a stale expected version as a conflict naming the current version', async () => {
    await run(envelope());
    await run(envelope());
    await expect(run(envelope({ expectedVersion: 1 }))).rejects.toEqual(new ConcurrencyConflict('counter-1', 1, 2));
    expect(await store.readStream('counter-1')).toHaveLength(2);
  });

  it('lets one of several concurrent commands with the same expected version win', async () => {
    await run(envelope());
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => run(envelope({ expectedVersion: 1 }))));
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(lost).toHaveLength(4);
    for (const r of lost) expect(r.reason).toBeInstanceOf(ConcurrencyConflict);
  });

  it('re-decides concurrent commands without an expected version, so each is appended once', async () => {
    await Promise.all(Array.from({ length: 5 }, () => run(envelope())));
    expect((await store.readStream('counter-1')).map((e) => e.version)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('handling a command under an idempotency key', () => {
  const key = { actorId: actor.id, key: 'k-1', requestHash: 'a'.repeat(64) };

  it('answers a retry with the first answer and appends nothing again', async () => {
    const first = await run(envelope({ idempotency: key }));
    await run(envelope());
    const retry = await run(envelope({ idempotency: key }));

    expect(retry).toEqual({ answer: first.answer, replayed: true, appended: [] });
    expect(await store.readStream('counter-1')).toHaveLength(2);
  });

  it('turns concurrent twins into one set of events and one answer', async () => {
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => run(envelope({ idempotency: key }))));
    expect(outcomes.filter((o) => !o.replayed)).toHaveLength(1);
    expect(new Set(outcomes.map((o) => JSON.stringify(o.answer))).size).toBe(1);
    expect(await store.readStream('counter-1')).toHaveLength(1);
  });

  it('refuses the key with a different request', async () => {
    await run(envelope({ idempotency: key }));
    const other = run(envelope({ idempotency: { ...key, requestHash: 'b'.repeat(64) } }));
    await expect(other).rejects.toBeInstanceOf(IdempotencyKeyReused);
    expect(await store.readStream('counter-1')).toHaveLength(1);
  });

  it('does not record the key when the decider refuses, so a corrected retry can run', async () => {
    await expect(run(envelope({ idempotency: key, command: { type: 'Increment', by: 0 } }))).rejects.toThrow();
    expect(await store.recall(key)).toBeUndefined();
  });
});
