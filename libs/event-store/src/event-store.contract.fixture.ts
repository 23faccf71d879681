import { randomUUID } from 'node:crypto';
import { StreamVersionTaken } from './event-store.errors';
import { EventStore, StreamHead } from './event-store.port';
import { EventMetadata, NewEvent, StoredEvent } from './event-store.types';
import { GENESIS_HASH } from './hash-chain';
import { IdempotencyKey, IdempotencyKeyTaken } from './idempotency';

/**
 * What every event store promises, as one suite: run by event-store.in-memory.spec.ts against the
 * memory and by event-store.int-spec.ts against PostgreSQL, so the fast specs that use the memory
 * store can trust it to behave like the real one.
 */
export function eventStoreContract(store: () => EventStore): void {
  const metadata: EventMetadata = {
    actor: { id: 'u1', name: 'Eda Editor', role: 'editor' },
    commandId: 'c1',
    correlationId: 'c1',
    causationId: 'c1',
  };
  const increments = (...by: number[]): NewEvent[] => by.map((n) => ({ type: 'Incremented', data: { by: n } }));
  const newStream = () => `counter-${randomUUID()}`;
  const headOf = (events: StoredEvent[]): StreamHead => events.at(-1) ?? null;
  const aKey = (): IdempotencyKey => ({ actorId: 'u1', key: randomUUID(), requestHash: 'a'.repeat(64) });
  const at = (minute: number) => `2030-01-01T08:${String(minute).padStart(2, '0')}:00.000Z`;

  async function streamOf(...occurredAt: string[]): Promise<string> {
    const streamId = newStream();
    for (const [i, when] of occurredAt.entries()) {
      const head = headOf(await store().readStream(streamId));
      await store().append(streamId, head, increments(i + 1), metadata, when);
    }
    return streamId;
  }

  describe('appending to two streams of two types at once', () => {
    const otherStream = () => `tally-${randomUUID()}`;

    it('stores both parts, each numbered and chained in its own stream', async () => {
      const counter = await streamOf(at(0));
      const tally = otherStream();
      const head = headOf(await store().readStream(counter));
      const [a, b] = await store().appendToStreams(
        [
          { streamId: counter, head, events: increments(5) },
          { streamId: tally, head: null, events: increments(1, 2) },
        ],
        metadata,
        at(1),
      );
      expect(a.map((e) => [e.streamId, e.version])).toEqual([[counter, 2]]);
      expect(b.map((e) => [e.streamId, e.version])).toEqual([
        [tally, 1],
        [tally, 2],
      ]);
      expect(b[0].prevHash).toBe(GENESIS_HASH);
      expect((await store().verify(counter)).valid).toBe(true);
      expect((await store().verify(tally)).valid).toBe(true);
    });

    it('stores nothing of either part when one head has moved, and names that stream', async () => {
      const counter = await streamOf(at(0));
      const tally = otherStream();
      const stale = headOf(await store().readStream(counter));
      await store().append(counter, stale, increments(1), metadata, at(1));
      const attempt = store().appendToStreams(
        [
          { streamId: tally, head: null, events: increments(1) },
          { streamId: counter, head: stale, events: increments(9) },
        ],
        metadata,
        at(2),
      );
      await expect(attempt).rejects.toThrow(StreamVersionTaken);
      await expect(attempt).rejects.toMatchObject({ streamId: counter, version: 2 });
      expect(await store().readStream(tally)).toEqual([]);
      expect((await store().readStream(counter)).map((e) => e.data)).toEqual([{ by: 1 }, { by: 1 }]);
    });

    it('records the idempotency answer with both parts, or not at all', async () => {
      const key = aKey();
      const [counter, tally] = [newStream(), otherStream()];
      await store().appendToStreams(
        [
          { streamId: counter, head: null, events: increments(1) },
          { streamId: tally, head: null, events: increments(1) },
        ],
        metadata,
        at(0),
        { remember: { key, answer: { ok: 1 } } },
      );
      expect(await store().recall(key)).toEqual({ requestHash: key.requestHash, answer: { ok: 1 } });
      await expect(
        store().appendToStreams([{ streamId: otherStream(), head: null, events: increments(1) }], metadata, at(1), {
          remember: { key, answer: { ok: 2 } },
        }),
      ).rejects.toThrow(IdempotencyKeyTaken);
    });
  });

  describe('appending', () => {
    it('numbers the events of a new stream from 1 and reads them back in order, as stored', async () => {
      const streamId = newStream();
      const appended = await store().append(streamId, null, increments(1, 2), metadata, at(0));

      expect(appended.map((e) => [e.version, e.type, e.data])).toEqual([
        [1, 'Incremented', { by: 1 }],
        [2, 'Incremented', { by: 2 }],
      ]);
      expect(appended[0]).toMatchObject({ streamId, schemaVersion: 1, metadata, occurredAt: at(0) });
      expect(await store().readStream(streamId)).toEqual(appended);
    });

    it('gives later appends higher global positions', async () => {
      const first = await store().append(newStream(), null, increments(1), metadata, at(0));
      const second = await store().append(newStream(), null, increments(1), metadata, at(0));
      expect(second[0].globalPosition).toBeGreaterThan(first[0].globalPosition);
    });

    it('continues a stream after the head it is given', async () => {
      const streamId = await streamOf(at(0), at(1));
      const head = headOf(await store().readStream(streamId));
      const appended = await store().append(streamId, head, increments(3), metadata, at(2));
      expect(appended.map((e) => e.version)).toEqual([3]);
    });

    it('refuses an append after a stale head and stores none of its events', async () => {
      const streamId = await streamOf(at(0), at(1));
      const stale = (await store().readStream(streamId))[0];

      const append = store().append(streamId, stale, increments(7, 8, 9), metadata, at(2));

      await expect(append).rejects.toBeInstanceOf(StreamVersionTaken);
      await expect(append).rejects.toMatchObject({ streamId, version: 2 });
      expect((await store().readStream(streamId)).map((e) => e.data.by)).toEqual([1, 2]);
    });

    it('refuses a second new stream under a name already taken', async () => {
      const streamId = await streamOf(at(0));
      await expect(store().append(streamId, null, increments(5), metadata, at(1))).rejects.toBeInstanceOf(
        StreamVersionTaken,
      );
      expect(await store().readStream(streamId)).toHaveLength(1);
    });

    it('lets exactly one of several appends after the same head win', async () => {
      const streamId = await streamOf(at(0));
      const head = headOf(await store().readStream(streamId));
      const results = await Promise.allSettled(
        Array.from({ length: 5 }, (_, i) => store().append(streamId, head, increments(i + 10), metadata, at(1))),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(await store().readStream(streamId)).toHaveLength(2);
    });
  });

  // Appends made in the same turn: a store with group commit writes them as one group, and each
  // keeps the outcome it would have had alone.
  describe('appending at the same time as others', () => {
    const settled = (...appends: Array<Promise<unknown>>) => Promise.allSettled(appends);
    const reasonOf = (r: PromiseSettledResult<unknown>) => (r.status === 'rejected' ? r.reason : undefined);

    it('lets exactly one of two appends after the same head win, and stores nothing of the other', async () => {
      const streamId = await streamOf(at(0));
      const head = headOf(await store().readStream(streamId));
      const results = await settled(
        store().append(streamId, head, increments(10), metadata, at(1)),
        store().append(streamId, head, increments(20), metadata, at(1)),
      );
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(results.map(reasonOf).find(Boolean)).toMatchObject({ streamId, version: 2 });
      expect(results.map(reasonOf).find(Boolean)).toBeInstanceOf(StreamVersionTaken);
      expect((await store().readStream(streamId)).map((e) => e.version)).toEqual([1, 2]);
      expect((await store().verify(streamId)).valid).toBe(true);
    });

    it('commits the appends to other streams that came with a losing one', async () => {
      const contested = await streamOf(at(0));
      const head = headOf(await store().readStream(contested));
      const [quiet, fresh] = [await streamOf(at(0), at(1)), newStream()];
      const quietHead = headOf(await store().readStream(quiet));
      const [a, b, c, d] = await settled(
        store().append(contested, head, increments(10), metadata, at(2)),
        store().append(quiet, quietHead, increments(3), metadata, at(2)),
        store().append(contested, head, increments(20), metadata, at(2)),
        store().append(fresh, null, increments(1, 2), metadata, at(2)),
      );
      expect([a.status, c.status].sort()).toEqual(['fulfilled', 'rejected']);
      expect([b.status, d.status]).toEqual(['fulfilled', 'fulfilled']);
      expect((await store().readStream(quiet)).map((e) => [e.version, e.data.by])).toEqual([
        [1, 1],
        [2, 2],
        [3, 3],
      ]);
      expect((await store().readStream(fresh)).map((e) => e.version)).toEqual([1, 2]);
      for (const s of [contested, quiet, fresh]) expect((await store().verify(s)).valid).toBe(true);
    });

    it('keeps a longer append that lost the race whole: none of its events, even those past the head', async () => {
      const streamId = await streamOf(at(0));
      const head = headOf(await store().readStream(streamId));
      const results = await settled(
        store().append(streamId, head, increments(10), metadata, at(1)),
        store().append(streamId, head, increments(20, 21, 22), metadata, at(1)),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const data = (await store().readStream(streamId)).map((e) => e.data.by);
      expect([
        [1, 10],
        [1, 20, 21, 22],
      ]).toContainEqual(data);
      expect((await store().verify(streamId)).valid).toBe(true);
    });

    it('records each key with its own answer, and refuses a key taken by a twin while its mates commit', async () => {
      const [taken, twinKey, own] = [aKey(), aKey(), aKey()];
      await store().append(newStream(), null, increments(1), metadata, at(0), { remember: { key: taken, answer: 0 } });
      const streams = [newStream(), newStream(), newStream(), newStream()];
      const results = await settled(
        store().append(streams[0], null, increments(1), metadata, at(1), { remember: { key: taken, answer: 1 } }),
        store().append(streams[1], null, increments(1), metadata, at(1), { remember: { key: twinKey, answer: 2 } }),
        store().append(streams[2], null, increments(1), metadata, at(1), { remember: { key: twinKey, answer: 3 } }),
        store().append(streams[3], null, increments(1), metadata, at(1), { remember: { key: own, answer: 4 } }),
      );
      expect(reasonOf(results[0])).toBeInstanceOf(IdempotencyKeyTaken);
      expect(await store().readStream(streams[0])).toEqual([]);
      expect([results[1].status, results[2].status].sort()).toEqual(['fulfilled', 'rejected']);
      const twinWon = results[1].status === 'fulfilled' ? 1 : 2;
      expect(reasonOf(results[3 - twinWon])).toBeInstanceOf(IdempotencyKeyTaken);
      expect(await store().readStream(streams[3 - twinWon])).toEqual([]);
      expect(await store().recall(twinKey)).toMatchObject({ answer: twinWon + 1 });
      expect(results[3].status).toBe('fulfilled');
      expect(await store().recall(own)).toMatchObject({ answer: 4 });
      expect(await store().recall(taken)).toMatchObject({ answer: 0 });
    });

    it('keeps an append across two streams whole when one of its streams moved in the same group', async () => {
      const counter = await streamOf(at(0));
      const head = headOf(await store().readStream(counter));
      const tally = `tally-${randomUUID()}`;
      const [single, across] = await settled(
        store().append(counter, head, increments(5), metadata, at(1)),
        store().appendToStreams(
          [
            { streamId: tally, head: null, events: increments(1) },
            { streamId: counter, head, events: increments(9) },
          ],
          metadata,
          at(1),
        ),
      );
      expect([single.status, across.status].sort()).toEqual(['fulfilled', 'rejected']);
      expect(reasonOf(single) ?? reasonOf(across)).toMatchObject({ streamId: counter, version: 2 });
      const [counterData, tallyData] = [
        (await store().readStream(counter)).map((e) => e.data.by),
        (await store().readStream(tally)).map((e) => e.data.by),
      ];
      expect([
        [[1, 5], []],
        [[1, 9], [1]],
      ]).toContainEqual([counterData, tallyData]);
    });
  });

  describe('reading a stream', () => {
    it('reads nothing for a stream never written', async () => {
      expect(await store().readStream(newStream())).toEqual([]);
    });

    it('stops at a version', async () => {
      const streamId = await streamOf(at(0), at(1), at(2));
      expect((await store().readStream(streamId, { toVersion: 2 })).map((e) => e.version)).toEqual([1, 2]);
    });

    it('starts at a version, including the event at that version, and may stop at another', async () => {
      const streamId = await streamOf(at(0), at(1), at(2), at(3));
      expect((await store().readStream(streamId, { fromVersion: 2 })).map((e) => e.version)).toEqual([2, 3, 4]);
      const middle = await store().readStream(streamId, { fromVersion: 2, toVersion: 3 });
      expect(middle.map((e) => e.version)).toEqual([2, 3]);
      expect(await store().readStream(streamId, { fromVersion: 5 })).toEqual([]);
    });

    it('stops at an instant, including an event that occurred exactly then', async () => {
      const streamId = await streamOf(at(0), at(1), at(2));
      const until = new Date(at(1));
      expect((await store().readStream(streamId, { until })).map((e) => e.version)).toEqual([1, 2]);
    });

    it('keeps only events of the types asked for, in version order', async () => {
      const streamId = newStream();
      await store().append(
        streamId,
        null,
        [...increments(1), { type: 'Reset', data: {} }, ...increments(2), { type: 'Reset', data: {} }],
        metadata,
        at(0),
      );
      const resets = await store().readStream(streamId, { types: ['Reset'] });
      expect(resets.map((e) => [e.version, e.type])).toEqual([
        [2, 'Reset'],
        [4, 'Reset'],
      ]);
      expect(await store().readStream(streamId, { types: [] })).toEqual([]);
    });
  });

  describe('the hash chain', () => {
    it('links each event to the hash of the one before, the first to the genesis hash', async () => {
      const streamId = await streamOf(at(0), at(1), at(2));
      const events = await store().readStream(streamId);
      expect(events.map((e) => e.prevHash)).toEqual([GENESIS_HASH, events[0].hash, events[1].hash]);
      expect(new Set(events.map((e) => e.hash)).size).toBe(3);
    });

    it('verifies an untouched stream and reports its head hash', async () => {
      const streamId = await streamOf(at(0), at(1), at(2));
      const events = await store().readStream(streamId);
      expect(await store().verify(streamId)).toEqual({ valid: true, events: 3, headHash: events[2].hash });
    });

    it('verifies an unknown stream as empty', async () => {
      expect(await store().verify(newStream())).toEqual({ valid: true, events: 0, headHash: GENESIS_HASH });
    });
  });

  describe('idempotency records', () => {
    it('recalls nothing for a key never used', async () => {
      expect(await store().recall(aKey())).toBeUndefined();
    });

    it('recalls the answer recorded with the events, as it was given', async () => {
      const key = aKey();
      const answer = { id: 'a-1', version: 1, photoId: 'p-1' };
      await store().append(newStream(), null, increments(1), metadata, at(0), { remember: { key, answer } });
      expect(await store().recall(key)).toEqual({ requestHash: key.requestHash, answer });
    });

    it('records an answer even when the command appended no events', async () => {
      const key = aKey();
      await store().append(newStream(), null, [], metadata, at(0), { remember: { key, answer: { version: 0 } } });
      expect(await store().recall(key)).toEqual({ requestHash: key.requestHash, answer: { version: 0 } });
    });

    it('keeps keys apart per actor', async () => {
      const key = aKey();
      await store().append(newStream(), null, increments(1), metadata, at(0), { remember: { key, answer: 1 } });
      expect(await store().recall({ ...key, actorId: 'u2' })).toBeUndefined();
    });

    it('refuses a key already recorded and stores none of the events that came with it', async () => {
      const key = aKey();
      await store().append(newStream(), null, increments(1), metadata, at(0), { remember: { key, answer: 1 } });
      const streamId = newStream();

      const twin = store().append(streamId, null, increments(1, 2), metadata, at(1), { remember: { key, answer: 2 } });

      await expect(twin).rejects.toBeInstanceOf(IdempotencyKeyTaken);
      expect(await store().readStream(streamId)).toEqual([]);
      expect(await store().recall(key)).toMatchObject({ answer: 1 });
    });
  });
}
