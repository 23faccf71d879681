import { randomUUID } from 'node:crypto';
import { counterDecider } from '@newsroom/testing';
import { ConcurrencyConflict } from './event-store.errors';
import { InMemoryEventStore } from './event-store.in-memory';
import type { StoredEvent } from './event-store.types';
import { AcrossStreamsEnvelope, handleAcrossStreams } from './handle-across-streams';
import { foldEvents } from './handle-command';

// Two aggregate types: a "tally" that moves a counter's total across, exactly once per tally.
const actor = { id: 'u1', name: 'Eda Editor', role: 'editor' };
let store: InMemoryEventStore;
beforeEach(() => (store = new InMemoryEventStore()));

const COUNTER = 'counter-1';
const TALLY = 'tally-1';
function envelope(extra: Partial<AcrossStreamsEnvelope> = {}): AcrossStreamsEnvelope {
  const id = randomUUID();
  return {
    streamIds: [TALLY, COUNTER],
    metadata: { actor, commandId: id, correlationId: id, causationId: id },
    now: '2030-01-01T08:00:00.000Z',
    ...extra,
  };
}

/** Closes the tally and adds 10 to the counter; refuses a closed tally. */
function closeTally([tally, counter]: StoredEvent[][]) {
  if (tally.some((e) => e.type === 'Closed')) throw new Error('tally already closed');
  const total = foldEvents(counterDecider, counter).total + 10;
  return {
    events: [
      [{ type: 'Closed', data: {} }],
      counterDecider.decide({ type: 'Increment', by: 10 }, { total, version: 0 }),
    ],
    answer: { counterVersion: counter.length + 1 },
  };
}
const increment = async () => {
  const head = (await store.readStream(COUNTER)).at(-1) ?? null;
  await store.append(COUNTER, head, [{ type: 'Incremented', data: { by: 1 } }], envelope().metadata, envelope().now);
};

describe('one decision across two streams', () => {
  it('appends to both, each in its own stream, and answers', async () => {
    await increment();
    const outcome = await handleAcrossStreams(store, envelope(), closeTally);
    expect(outcome.answer).toEqual({ counterVersion: 2 });
    expect((await store.readStream(TALLY)).map((e) => e.type)).toEqual(['Closed']);
    expect((await store.readStream(COUNTER)).map((e) => e.version)).toEqual([1, 2]);
  });

  it('stores nothing in either stream when the decision refuses', async () => {
    await handleAcrossStreams(store, envelope(), closeTally);
    await expect(handleAcrossStreams(store, envelope(), closeTally)).rejects.toThrow('already closed');
    expect(await store.readStream(TALLY)).toHaveLength(1);
    expect(await store.readStream(COUNTER)).toHaveLength(1);
  });

  it('decides again when the other stream moved after it was read, losing neither write', async () => {
    // Another writer appends to the counter between this decision's read and its append.
    class RacedOnce extends InMemoryEventStore {
      raced = false;
      override async appendToStreams(...args: Parameters<InMemoryEventStore['appendToStreams']>) {
        if (!this.raced) {
          this.raced = true;
          await this.append(COUNTER, null, [{ type: 'Incremented', data: { by: 1 } }], args[1], args[2]);
        }
        return super.appendToStreams(...args);
      }
    }
    store = new RacedOnce();
    const outcome = await handleAcrossStreams(store, envelope(), closeTally);
    expect(outcome.answer).toEqual({ counterVersion: 2 });
    expect((await store.readStream(COUNTER)).map((e) => e.data)).toEqual([{ by: 1 }, { by: 10 }]);
    expect(await store.readStream(TALLY)).toHaveLength(1);
  });

  it("is the client's conflict when a stream it pinned with If-Match has moved", async () => {
    await increment();
    const attempt = handleAcrossStreams(store, envelope({ expectedVersions: { [TALLY]: 3 } }), closeTally);
    await expect(attempt).rejects.toThrow(ConcurrencyConflict);
    expect(await store.readStream(TALLY)).toEqual([]);
  });

  it('replays the first answer to a retry under the same idempotency key, appending nothing', async () => {
    const idempotency = { actorId: 'u1', key: 'k-1', requestHash: 'a'.repeat(64) };
    const first = await handleAcrossStreams(store, envelope({ idempotency }), closeTally);
    const retry = await handleAcrossStreams(store, envelope({ idempotency }), closeTally);
    expect(retry).toEqual({ answer: first.answer, replayed: true, appended: [] });
    expect(await store.readStream(COUNTER)).toHaveLength(1);
  });
});
