import { randomUUID } from 'node:crypto';
import { counterDecider, type CounterCommand } from '@newsroom/testing';
import { AppendOutcomeUnknown } from './database-unavailable';
import { ConcurrencyConflict } from './event-store.errors';
import { InMemoryEventStore } from './event-store.in-memory';
import type { AppendOptions, ReadStreamOptions, StreamHead } from './event-store.port';
import type { EventMetadata, NewEvent, StoredEvent } from './event-store.types';
import { CommandEnvelope, handleCommand } from './handle-command';
import { StreamStateCache } from './stream-state.cache';

type Counter = { total: number; version: number };
const actor = { id: 'u1', name: 'Eda Editor', role: 'editor' };
const STREAM = 'counter-1';

/** The memory store, noting what each read asked for, and able to let another writer in first. */
class WatchedStore extends InMemoryEventStore {
  readonly reads: ReadStreamOptions[] = [];
  beforeNextAppend?: () => Promise<unknown>;
  /** The next append commits, then `meanwhile` runs, then the caller hears its connection was lost. */
  cutAfterCommit?: { meanwhile: () => Promise<unknown> };

  override readStream(streamId: string, opts: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    this.reads.push(opts);
    return super.readStream(streamId, opts);
  }

  override async append(
    streamId: string,
    head: StreamHead,
    events: NewEvent[],
    metadata: EventMetadata,
    occurredAt: string,
    opts?: AppendOptions,
  ): Promise<StoredEvent[]> {
    const interloper = this.beforeNextAppend;
    this.beforeNextAppend = undefined;
    await interloper?.();
    const cut = this.cutAfterCommit;
    this.cutAfterCommit = undefined;
    const stored = await super.append(streamId, head, events, metadata, occurredAt, opts);
    if (!cut) return stored;
    await cut.meanwhile();
    const ids = stored.map((e) => e.eventId);
    throw new AppendOutcomeUnknown(new Error('Connection terminated unexpectedly'), ids);
  }
}

function envelope(by = 1, extra: Partial<CommandEnvelope<CounterCommand>> = {}): CommandEnvelope<CounterCommand> {
  const id = randomUUID();
  return {
    streamId: STREAM,
    command: { type: 'Increment', by },
    metadata: { actor, commandId: id, correlationId: id, causationId: id },
    now: '2030-01-01T08:00:00.000Z',
    ...extra,
  };
}
const run = (store: WatchedStore, cache: StreamStateCache<Counter>, env = envelope()) =>
  handleCommand(store, counterDecider, env, ({ state, version }) => ({ total: state.total, version }), { cache });

let store: WatchedStore;
let cache: StreamStateCache<Counter>;
beforeEach(() => {
  store = new WatchedStore();
  cache = new StreamStateCache<Counter>();
});

describe('a command on a stream whose state is cached', () => {
  it('reads only from the cached version on and decides on the cached state', async () => {
    await run(store, cache, envelope(2));
    store.reads.length = 0;

    const outcome = await run(store, cache, envelope(3));

    expect(outcome.answer).toEqual({ total: 5, version: 2 });
    expect(store.reads).toEqual([{ fromVersion: 1 }]);
    expect(cache.get(STREAM)).toMatchObject({ version: 2, state: { total: 5, version: 2 } });
  });

  it('folds the events another writer appended meanwhile on top of the cached state', async () => {
    await run(store, cache);
    await run(store, new StreamStateCache<Counter>(), envelope(10));

    const outcome = await run(store, cache, envelope(100));

    expect(outcome.answer).toEqual({ total: 111, version: 3 });
    expect(cache.get(STREAM)).toMatchObject({ version: 3, hash: outcome.appended[0].hash });
  });

  it('folds the whole stream when the stored event at the cached version carries another hash', async () => {
    await run(store, cache, envelope(1));
    await run(store, cache, envelope(1));
    const restored = new WatchedStore();
    await run(restored, new StreamStateCache<Counter>(), envelope(50));
    await run(restored, new StreamStateCache<Counter>(), envelope(50));

    const outcome = await run(restored, cache, envelope(1));

    expect(outcome.answer).toEqual({ total: 101, version: 3 });
    expect(restored.reads).toContainEqual({});
    expect(cache.get(STREAM)).toMatchObject({ version: 3, state: { total: 101 } });
  });

  it('keeps states frozen, so that a decider writing to its state throws instead of corrupting the cache', async () => {
    await run(store, cache);
    const cached = cache.get(STREAM)!.state;
    expect(() => Object.assign(cached, { total: 99 })).toThrow(TypeError);
  });
});

describe('a command on a stream not cached', () => {
  it('folds the whole stream and caches the state after its own events', async () => {
    await run(store, new StreamStateCache<Counter>(), envelope(4));
    store.reads.length = 0;

    const outcome = await run(store, cache, envelope(1));

    expect(outcome.answer).toEqual({ total: 5, version: 2 });
    expect(store.reads).toEqual([{}]);
    expect(cache.get(STREAM)).toMatchObject({ version: 2, hash: outcome.appended[0].hash, state: { total: 5 } });
  });

  it('caches the state it read even when the decider refuses the command', async () => {
    await run(store, new StreamStateCache<Counter>(), envelope(4));
    await expect(run(store, cache, envelope(0))).rejects.toThrow('positive');
    expect(cache.get(STREAM)).toMatchObject({ version: 1, state: { total: 4 } });
  });
});

describe('a command that loses the race to another writer', () => {
  const anotherWriterAppends = () => run(store, new StreamStateCache<Counter>(), envelope(10));

  it('drops the entry it was based on and answers the exact conflict under If-Match', async () => {
    await run(store, cache);
    store.beforeNextAppend = anotherWriterAppends;

    await expect(run(store, cache, envelope(1, { expectedVersion: 1 }))).rejects.toEqual(
      new ConcurrencyConflict(STREAM, 1, 2),
    );
    expect(cache.get(STREAM)).toBeUndefined();
    expect((await store.readStream(STREAM)).map((e) => e.version)).toEqual([1, 2]);
  });

  it('decides again on the stream as it now is without If-Match, and caches that', async () => {
    await run(store, cache);
    store.beforeNextAppend = anotherWriterAppends;

    const outcome = await run(store, cache, envelope(100));

    expect(outcome.answer).toEqual({ total: 111, version: 3 });
    expect(cache.get(STREAM)).toMatchObject({ version: 3, state: { total: 111 } });
  });

  it('drops the entry when the append fails for any other reason', async () => {
    await run(store, cache);
    store.beforeNextAppend = () => Promise.reject(new Error('disk full'));

    await expect(run(store, cache)).rejects.toThrow('disk full');
    expect(cache.get(STREAM)).toBeUndefined();
  });
});

describe('a command whose append was cut off after it committed', () => {
  it('finds its events even when another command of this process cached a state that includes them', async () => {
    await run(store, cache);
    store.cutAfterCommit = { meanwhile: () => run(store, cache, envelope(10)) };

    const outcome = await run(store, cache, envelope(100));

    expect(outcome.answer).toEqual({ total: 101, version: 2 });
    expect((await store.readStream(STREAM)).map((e) => e.data.by)).toEqual([1, 100, 10]);
  });
});

describe('the cache itself', () => {
  const entry = (version: number) => ({ version, hash: `h${version}`, state: { total: version, version } });

  it('evicts the least recently used stream beyond its capacity', () => {
    const small = new StreamStateCache<Counter>(2);
    small.remember('a', entry(1));
    small.remember('b', entry(1));
    small.get('a');
    small.remember('c', entry(1));
    expect([small.get('a'), small.get('b'), small.get('c')].map((e) => e !== undefined)).toEqual([true, false, true]);
  });

  it('keeps a later version over an earlier one that finished after it', () => {
    cache.remember('a', entry(3));
    cache.remember('a', entry(2));
    expect(cache.get('a')?.version).toBe(3);
  });

  it('forgets only the entry a failed attempt was based on, not a newer one a success put there', () => {
    cache.remember('a', entry(3));
    cache.forget('a', { version: 2 });
    expect(cache.get('a')?.version).toBe(3);
    cache.forget('a', { version: 3 });
    expect(cache.get('a')).toBeUndefined();
  });
});
