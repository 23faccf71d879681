import { randomUUID } from 'node:crypto';
import type { QueryRunner } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@newsroom/testing-system';
import { eventStoreMigrations } from '../data-source.factory';
import { PostgresEventStore } from '../event-store';
import type { StoredEvent } from '../event-store.types';
import { logEntry } from './log-entry';
import { leafHash, rootOfLeaves } from './merkle.hash';
import { MerkleLog } from './merkle-log';
import { verifyConsistency, verifyInclusion } from './merkle.verify';

let db: TestDatabase;
let store: PostgresEventStore;
let log: MerkleLog;
let held: QueryRunner | undefined;

beforeAll(async () => {
  db = await createTestDatabase('merkle_log', eventStoreMigrations);
  store = new PostgresEventStore(db.dataSource);
  log = new MerkleLog(db.dataSource);
});
afterAll(async () => {
  if (held?.isTransactionActive) await held.rollbackTransaction();
  await held?.release();
  await db?.drop();
});

const actor = { id: 'u1', name: 'Eda Editor', role: 'editor' };
async function append(streamId: string) {
  const [head = null] = (await store.readStream(streamId)).slice(-1);
  const id = randomUUID();
  const [event] = await store.append(
    streamId,
    head,
    [{ type: 'Incremented', data: { by: 1 } }],
    { actor, commandId: id, correlationId: id, causationId: id },
    new Date().toISOString(),
  );
  return event;
}
const leafOrder = async () =>
  (await db.dataSource.query(`SELECT global_position FROM merkle_leaves ORDER BY leaf_index`)).map((r: any) =>
    Number(r.global_position),
  );
async function allEventsInLeafOrder(): Promise<StoredEvent[]> {
  const positions = await leafOrder();
  const events = await db.dataSource.query(`SELECT * FROM events`);
  const byPosition = new Map<number, StoredEvent>();
  for (const r of events) {
    const [e] = await store.readStream(r.stream_id, { toVersion: r.version }).then((es) => es.slice(-1));
    byPosition.set(Number(r.global_position), e);
  }
  return positions.map((p: number) => byPosition.get(p)!);
}

describe('the sequencer', () => {
  it('gives leaves in the order events became visible, so an append that commits late comes after', async () => {
    const early = await append(`article-${randomUUID()}`);
    held = db.dataSource.createQueryRunner();
    await held.connect();
    await held.startTransaction();
    const lateStream = `article-${randomUUID()}`;
    const id = randomUUID();
    const [late] = await store.append(
      lateStream,
      null,
      [{ type: 'Incremented', data: { by: 1 } }],
      { actor, commandId: id, correlationId: id, causationId: id },
      new Date().toISOString(),
      { manager: held.manager },
    );
    const after = [await append(`article-${randomUUID()}`), await append(`article-${randomUUID()}`)];
    expect(late.globalPosition).toBeLessThan(after[0].globalPosition);

    expect(await log.catchUp()).toBe(3);
    expect(await leafOrder()).toEqual([early.globalPosition, ...after.map((e) => e.globalPosition)]);

    await held.commitTransaction();
    expect(await log.catchUp()).toBe(1);
    expect(await leafOrder()).toEqual([
      early.globalPosition,
      ...after.map((e) => e.globalPosition),
      late.globalPosition,
    ]);
    expect(await log.backlog()).toBe(0);
  });

  it('keeps the root of the definition over every entry, however the batches fell', async () => {
    for (let i = 0; i < 9; i++) await append(`article-${randomUUID()}`);
    await log.sequence(4);
    await log.catchUp(3);
    const events = await allEventsInLeafOrder();
    const head = await log.head();
    expect(head.size).toBe(events.length);
    expect(head.root).toEqual(rootOfLeaves(events.map((e) => leafHash(logEntry(e)))));
  });

  it('assigns each event one leaf when several sequencers race', async () => {
    for (let i = 0; i < 30; i++) await append(`article-${randomUUID()}`);
    const racers = Array.from({ length: 4 }, () => new MerkleLog(db.dataSource));
    await Promise.all(racers.map((r) => r.catchUp(5)));
    await log.catchUp();
    const [{ leaves, events, distinct }] = await db.dataSource.query(
      `SELECT (SELECT count(*)::int FROM merkle_leaves) AS leaves, (SELECT count(*)::int FROM events) AS events,
              (SELECT count(DISTINCT global_position)::int FROM merkle_leaves) AS distinct`,
    );
    expect({ leaves, distinct }).toEqual({ leaves: events, distinct: events });
    expect((await log.head()).size).toBe(events);
  });
});

describe('proofs read from the stored nodes', () => {
  it('prove each leaf in the current tree and every earlier tree a prefix of it', async () => {
    const events = await allEventsInLeafOrder();
    const leaves = events.map((e) => leafHash(logEntry(e)));
    const { size, root } = await log.head();
    for (const i of [0, 1, Math.floor(size / 2), size - 1]) {
      expect(verifyInclusion(i, size, leaves[i], await log.inclusionProof(i, size), root)).toBe(true);
    }
    for (const from of [1, 3, size - 1]) {
      const older = rootOfLeaves(leaves.slice(0, from));
      expect(verifyConsistency(from, size, older, root, await log.consistencyProof(from, size))).toBe(true);
    }
  });
});
