import { randomUUID } from 'node:crypto';
import { counterDecider, type CounterCommand } from '@newsroom/testing';
import { AppendOutcomeUnknown, DatabaseUnavailable, isConnectionLost } from './database-unavailable';
import { InMemoryEventStore } from './event-store.in-memory';
import type { AppendOptions, StreamHead } from './event-store.port';
import type { EventMetadata, NewEvent, StoredEvent } from './event-store.types';
import { CommandEnvelope, handleCommand } from './handle-command';

// Bug: when PostgreSQL's connections were terminated, commands in flight answered 500. A lost
// connection is now DatabaseUnavailable, retried once on a fresh connection, and never applied twice.

type Cut = 'read' | 'append-before-commit' | 'append-after-commit' | 'append-commits-late';

/** The in-memory store with one connection cut at a chosen step of the pipeline. */
class CutOnceStore extends InMemoryEventStore {
  private late?: () => Promise<unknown>;
  constructor(private cuts: Cut[]) {
    super();
  }

  private take(cut: Cut): boolean {
    const i = this.cuts.indexOf(cut);
    if (i >= 0) this.cuts.splice(i, 1);
    return i >= 0;
  }

  override async readStream(streamId: string): Promise<StoredEvent[]> {
    if (this.take('read')) throw new DatabaseUnavailable(new Error('Connection terminated unexpectedly'));
    const events = await super.readStream(streamId);
    // The cut-off append commits just after the retry read the stream, before the retry appends.
    const late = this.late;
    this.late = undefined;
    await late?.();
    return events;
  }

  override async append(
    streamId: string,
    head: StreamHead,
    events: NewEvent[],
    metadata: EventMetadata,
    occurredAt: string,
    opts: AppendOptions = {},
  ): Promise<StoredEvent[]> {
    const cause = new Error('terminating connection due to administrator command');
    if (this.take('append-before-commit')) throw new AppendOutcomeUnknown(cause, [randomUUID()]);
    if (this.take('append-after-commit')) {
      const stored = await super.append(streamId, head, events, metadata, occurredAt, opts);
      throw new AppendOutcomeUnknown(
        cause,
        stored.map((e) => e.eventId),
      );
    }
    if (this.take('append-commits-late')) {
      // The stored ids exist only once the late commit chains them: the error carries a live view of them.
      const commit = () => super.append(streamId, head, events, metadata, occurredAt, opts);
      const ids: string[] = [];
      this.late = async () => ((ids.length = 0), ids.push(...(await commit()).map((e) => e.eventId)));
      throw new AppendOutcomeUnknown(cause, { includes: (id: string) => ids.includes(id) } as unknown as string[]);
    }
    return super.append(streamId, head, events, metadata, occurredAt, opts);
  }
}

function envelope(extra: Partial<CommandEnvelope<CounterCommand>> = {}): CommandEnvelope<CounterCommand> {
  const id = randomUUID();
  const actor = { id: 'u1', name: 'Eda Editor', role: 'editor' };
  return {
    streamId: 'counter-1',
    command: { type: 'Increment', by: 1 },
    metadata: { actor, commandId: id, correlationId: id, causationId: id },
    now: '2030-01-01T08:00:00.000Z',
    ...extra,
  };
}

const run = (store: CutOnceStore, extra: Partial<CommandEnvelope<CounterCommand>> = {}) =>
  handleCommand(store, counterDecider, envelope(extra), ({ state, version }) => ({ total: state.total, version }));

const versionsOf = async (store: CutOnceStore) => (await store.readStream('counter-1')).map((e) => e.version);

describe('a command whose database connection is cut', () => {
  const key = { actorId: 'u1', key: 'k-1', requestHash: 'a'.repeat(64) };

  it('is run again on a fresh connection when the cut came before the append, and appended once', async () => {
    const store = new CutOnceStore(['read']);
    await expect(run(store)).resolves.toMatchObject({ answer: { version: 1 } });
    expect(await versionsOf(store)).toEqual([1]);
  });

  it('is run again when the append was cut before it committed, and appended once', async () => {
    const store = new CutOnceStore(['append-before-commit']);
    await expect(run(store)).resolves.toMatchObject({ answer: { version: 1 } });
    expect(await versionsOf(store)).toEqual([1]);
  });

  it.each([
    ['without If-Match or key', {}],
    ['with If-Match', { expectedVersion: 0 }],
    ['with an Idempotency-Key', { idempotency: key }],
  ])('succeeds once when the append committed before the cut, %s', async (_, extra) => {
    const store = new CutOnceStore(['append-after-commit']);
    await expect(run(store, extra)).resolves.toMatchObject({ answer: { total: 1, version: 1 } });
    expect(await versionsOf(store)).toEqual([1]);
  });

  it.each([
    ['without If-Match or key', {}],
    ['with If-Match', { expectedVersion: 0 }],
    ['with an Idempotency-Key', { idempotency: key }],
  ])('succeeds once when the cut-off append commits while the retry runs, %s', async (_, extra) => {
    const store = new CutOnceStore(['append-commits-late']);
    await expect(run(store, extra)).resolves.toMatchObject({ answer: { total: 1, version: 1 } });
    expect(await versionsOf(store)).toEqual([1]);
  });

  it('retries only once: a second cut is the database being unavailable, and nothing is stored', async () => {
    const store = new CutOnceStore(['read', 'append-before-commit']);
    await expect(run(store)).rejects.toBeInstanceOf(DatabaseUnavailable);
    expect(await versionsOf(store)).toEqual([]);
  });
});

describe('telling a lost connection from other failures', () => {
  it.each([
    ['an administrator terminating the session', Object.assign(new Error('terminating connection'), { code: '57P01' })],
    ['the socket closing', new Error('Connection terminated unexpectedly')],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['a pool that cannot connect in time', new Error('timeout exceeded when trying to connect')],
    ['TypeORM wrapping the driver error', { message: 'x', driverError: { code: '57P01' } }],
    [
      'a transaction whose connection died under it (TypeORM released its runner)',
      new Error('Database connection provided by a query runner was already released, cannot continue to use it'),
    ],
    ['a projector batch on a released runner', new Error('Query runner already released. Cannot run queries anymore.')],
  ])('counts %s as lost', (_, err) => expect(isConnectionLost(err)).toBe(true));

  it.each([
    ['a unique violation', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['a permission refusal', Object.assign(new Error('permission denied for table events'), { code: '42501' })],
    ['a plain bug', new TypeError('x is undefined')],
  ])('does not count %s as lost', (_, err) => expect(isConnectionLost(err)).toBe(false));
});
