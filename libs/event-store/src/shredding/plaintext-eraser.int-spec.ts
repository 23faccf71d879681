import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@newsroom/testing-system';
import { dataSourceOptions, eventStoreMigrations } from '../data-source.factory';
import { PostgresEventStore } from '../event-store';
import { eventStorePrivileges } from '../event-store.privileges';
import { CheckpointsTable } from '../transparency/checkpoints.table';
import { MerkleLog } from '../transparency/merkle-log';
import { sequenceAndSign } from '../transparency/sign-checkpoint';
import { generateSignerKey, parseSignerKey } from '../transparency/signed-note';
import { verifyStreamAgainstLog } from '../transparency/stream-against-log';
import { checkWholeLog, type WholeLogProblem } from '../transparency/whole-log-check';
import { FieldCodec } from './field-codec';
import { drafted, ORDER, photoAttached, redactableFields, SOURCE } from './field-codec.fixture';
import { InMemoryFieldKeyStore } from './field-key-store.in-memory';
import { erasePlaintextFields, FieldNotErasable } from './plaintext-eraser';

// The heavier route (issue #12) on real PostgreSQL: events stored in plaintext before encryption,
// a field erased in place by the API's role through the owner's function, and every proof still held.

let db: TestDatabase;
let api: DataSource;
const signer = parseSignerKey(generateSignerKey('newsroom.test/erase'));
beforeAll(async () => {
  db = await createTestDatabase('plaintext_eraser', eventStoreMigrations, eventStorePrivileges);
  api = new DataSource(dataSourceOptions({ url: db.roleUrls!.api, schema: db.schema, poolSize: 4 }));
  await api.initialize();
});
afterAll(async () => {
  await api?.destroy();
  await db.drop();
});

const metadata = {
  actor: { id: 'u1', name: 'Eda Editor', role: 'editor' },
  commandId: 'c',
  correlationId: 'c',
  causationId: 'c',
};
const codec = new FieldCodec({ keys: new InMemoryFieldKeyStore(), masterKey: randomBytes(32), redactableFields });
const events = (streamId: string) => new PostgresEventStore(db.dataSource).readStream(streamId);

/** A story written before encryption (plaintext), logged and signed. */
async function anOldStory(): Promise<string> {
  const streamId = `article-${randomUUID()}`;
  const at = new Date().toISOString();
  const store = new PostgresEventStore(api);
  const first = await store.append(streamId, null, [drafted(), photoAttached()], metadata, at);
  await store.append(streamId, first.at(-1)!, [{ type: 'Approved', data: { by: 'u2' } }], metadata, at);
  await sequenceAndSign(db.dataSource, signer);
  await relayed(streamId);
  return streamId;
}

/** What the relay does once Kafka has the stream's events. */
const relayed = (streamId: string) => db.dataSource.query(`DELETE FROM outbox WHERE stream_id = $1`, [streamId]);

async function eraseSource(streamId: string, order = ORDER): Promise<number> {
  const { plaintext } = await codec.locate(await events(streamId), (t) => t.includes(SOURCE));
  return api.transaction((m) => codec.erasePlaintext(plaintext, order, m));
}

/** `verify` as the API runs it: the chain, then every event against the latest signed checkpoint. */
async function verify(streamId: string) {
  await sequenceAndSign(db.dataSource, signer);
  const merkle = new MerkleLog(db.dataSource);
  const latest = (await new CheckpointsTable(db.dataSource).latest())!;
  const stored = await events(streamId);
  const leaves = await merkle.leavesOf(streamId);
  const signed = leaves.filter((l) => l.leafIndex < latest.treeSize).map((l) => l.leafIndex);
  return verifyStreamAgainstLog(
    stored,
    {
      checkpoint: { size: latest.treeSize, root: latest.root },
      leaves,
      proofs: await merkle.inclusionProofs(signed, latest.treeSize),
      queued: await merkle.queuedAmong(stored.map((e) => e.globalPosition)),
      recorded: await merkle.leafHashes(signed),
    },
    { redactableFields },
  );
}

async function wholeLogProblems(): Promise<WholeLogProblem[]> {
  const latest = (await sequenceAndSign(db.dataSource, signer))!;
  const problems: WholeLogProblem[] = [];
  for await (const step of checkWholeLog(db.dataSource, latest, { redactableFields })) {
    if (step.kind === 'problem') problems.push(step.problem);
  }
  return problems;
}

async function asOperator(sql: string, params: unknown[]) {
  await db.dataSource.query(`ALTER TABLE events DISABLE TRIGGER USER`);
  try {
    await db.dataSource.query(sql, params);
  } finally {
    await db.dataSource.query(`ALTER TABLE events ENABLE TRIGGER USER`);
  }
}

describe('erasing plaintext fields in place', () => {
  let streamId: string;
  beforeAll(async () => {
    streamId = await anOldStory();
  });

  it('replaces each field holding the passage with the order: the text is nowhere in the events table', async () => {
    const before = await events(streamId);

    expect(await eraseSource(streamId)).toBe(3);

    const after = await events(streamId);
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM events WHERE data::text LIKE $1`, [
      `%${SOURCE.split(' ')[1]}%`,
    ]);
    expect(n).toBe(0);
    expect(after.map((e) => [e.hash, e.prevHash])).toEqual(before.map((e) => [e.hash, e.prevHash]));
    expect((after[0].data as any).body[2]).toEqual({ ...drafted().data.body[2], attribution: { $erased: ORDER } });
    expect((after[0].data as any).body[3]).toEqual(drafted().data.body[3]);
  });

  it('reads as the redaction marker, as a destroyed key does', async () => {
    const [read] = await codec.decrypt(await events(streamId));

    expect((read.data as any).body[0].text).toEqual({ $redacted: { kid: '', ...ORDER } });
  });

  it('leaves a field already erased to the first order', async () => {
    expect(await eraseSource(streamId, { ...ORDER, redactionId: randomUUID() })).toBe(0);
  });

  it('keeps verify valid, naming the erased event, and the whole-log check clean', async () => {
    expect(await verify(streamId)).toMatchObject({
      valid: true,
      events: 3,
      logged: 3,
      erased: [
        { version: 1, redactionIds: [ORDER.redactionId] },
        { version: 2, paths: ['photo.caption'] },
      ],
    });
    expect(await wholeLogProblems()).toEqual([]);
  });
});

describe('what the route refuses, and what verification still catches', () => {
  it('leaves the API without UPDATE on events, and no other process may call the function', async () => {
    await expect(api.query(`UPDATE events SET data = '{}'`)).rejects.toThrow(/permission denied for table events/);
    for (const app of ['relay', 'projector'] as const) {
      const other = new DataSource(dataSourceOptions({ url: db.roleUrls![app], schema: db.schema, poolSize: 1 }));
      await other.initialize();
      try {
        await expect(
          other.query(
            `SELECT erase_event_fields(gen_random_uuid(), '{headline}', $1, $2, $3, $4)`,
            Object.values(ORDER),
          ),
        ).rejects.toThrow(/permission denied for function erase_event_fields/);
      } finally {
        await other.destroy();
      }
    }
  });

  it("keeps the append-only trigger for the owner, but for the function's own update of data", async () => {
    const [draft] = await events(await anOldStory());
    const update = (set: string) =>
      db.dataSource.transaction(async (m) => {
        await m.query(`SELECT set_config('newsroom.erasing', $1, true)`, [draft.eventId]);
        await m.query(`UPDATE events SET ${set} WHERE event_id = $1`, [draft.eventId]);
      });
    await expect(
      db.dataSource.query(`UPDATE events SET data = '{}' WHERE event_id = $1`, [draft.eventId]),
    ).rejects.toThrow(/append-only/);
    await expect(update(`hash = repeat('0', 64)`)).rejects.toThrow(/append-only/);
    await expect(update(`metadata = '{}'`)).rejects.toThrow(/append-only/);
  });

  it('refuses a path that is not redactable, an event not yet in the log, and one not yet relayed', async () => {
    const streamId = await anOldStory();
    const [draft] = await events(streamId);
    const erase = (path: string) =>
      api.transaction((m) => erasePlaintextFields(m, [{ eventId: draft.eventId, path }], ORDER, redactableFields));
    await expect(erase('dateline')).rejects.toThrow(FieldNotErasable);

    const unlogged = `article-${randomUUID()}`;
    const [fresh] = await new PostgresEventStore(api).append(unlogged, null, [drafted()], metadata, draft.occurredAt);
    await expect(
      api.transaction((m) =>
        erasePlaintextFields(m, [{ eventId: fresh.eventId, path: 'headline' }], ORDER, redactableFields),
      ),
    ).rejects.toThrow(/not in the log yet/);
    await sequenceAndSign(db.dataSource, signer);
    await expect(
      api.transaction((m) =>
        erasePlaintextFields(m, [{ eventId: fresh.eventId, path: 'headline' }], ORDER, redactableFields),
      ),
    ).rejects.toThrow(/not relayed yet/);
    await expect(
      api.query(`SELECT erase_event_fields($1, '{headline}', $2, $3, $4, $5)`, [
        fresh.eventId,
        ...Object.values(ORDER),
      ]),
    ).rejects.toThrow(/not relayed yet/);
  });

  it('still catches another event of the stream edited', async () => {
    const streamId = await anOldStory();
    await eraseSource(streamId);
    await asOperator(`UPDATE events SET data = '{"by":"forged"}' WHERE stream_id = $1 AND version = 3`, [streamId]);

    expect(await verify(streamId)).toMatchObject({ valid: false, brokenAt: 3 });
  });

  it('fails an "$erased" the function put at a path that is not redactable', async () => {
    const streamId = await anOldStory();
    const [draft] = await events(streamId);
    await api.query(`SELECT erase_event_fields($1, '{dateline}', $2, $3, $4, $5)`, [
      draft.eventId,
      ORDER.redactionId,
      ORDER.redactedAt,
      ORDER.legalBasis,
      ORDER.reference,
    ]);

    expect(await verify(streamId)).toMatchObject({
      valid: false,
      brokenAt: 1,
      reason: expect.stringMatching(/"\$erased" at dateline, not a redactable field of Drafted/),
    });
  });

  it('fails an erased event that no signed leaf records', async () => {
    const streamId = `article-${randomUUID()}`;
    const [draft] = await new PostgresEventStore(api).append(
      streamId,
      null,
      [drafted()],
      metadata,
      new Date().toISOString(),
    );
    await asOperator(`DELETE FROM transparency_queue WHERE global_position = $1`, [draft.globalPosition]);
    await asOperator(`UPDATE events SET data = jsonb_set(data, '{headline}', $2) WHERE event_id = $1`, [
      draft.eventId,
      JSON.stringify({ $erased: ORDER }),
    ]);

    expect(await verify(streamId)).toMatchObject({ valid: false, brokenAt: 1 });
    expect(await wholeLogProblems()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ streamId, version: 1, reason: expect.stringMatching(/erased, but no signed leaf/) }),
        expect.objectContaining({ version: 3, reason: expect.stringMatching(/content does not match its hash/) }),
        expect.objectContaining({ version: 1, reason: expect.stringMatching(/"\$erased" at dateline/) }),
      ]),
    );
  });
});
