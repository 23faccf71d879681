import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { articleStreamId, redactableFields } from '@newsroom/editorial-domain';
import { EncryptingEventStore, FieldCodec, PostgresEventStore, PostgresFieldKeyStore } from '@newsroom/event-store';
import {
  addContributor,
  anAdmin,
  approveArticle,
  attachPhoto,
  draftArticle,
  issueCorrection,
  meta,
  publishArticle,
  reviseArticle,
  submitForReview,
} from '@newsroom/testing';
import { createTestDatabase, testKafka, type TestDatabase, type TestKafka } from '@newsroom/testing-system';
import { allMigrations } from '../migrations';
import type { ArticleRow } from '../projections/article-state.projection';
import { CANARY, contentRedacted, NOTICE } from '../projections/redaction.fixtures';
import { contentHash } from './content-hash';
import { decryptingProvenance, openedHistory } from './decrypting-provenance';
import { ARTICLE_READ_MODELS } from './projection';
import type { RunningConsumer } from './projection-consumer';
import { PROJECTIONS } from './read-model.writers';
import { rebuildProjections } from './rebuild';
import { caughtUp, relay, runCommands, startConsumers } from './runner.fixture';

// Issue #12 end to end on the read side: a story whose source's name is in a paragraph, a quote
// attribution, a contributor credit, a photo caption, a correction and a headline, written through
// the encrypting store, projected by every article read model; the name's keys destroyed by another
// process (the API), the redaction appended and projected; then no table holds the name, and a
// rebuild derives exactly the rows live processing left.

const redacted = randomUUID();
const untouched = randomUUID();
const surname = CANARY.split(' ')[1].toLowerCase();
let db: TestDatabase;
let ds: DataSource;
let k: TestKafka;
let masterKey: Buffer;
/** The API's codec: writes and destroys. The projector has its own, with its own key cache. */
let apiCodec: FieldCodec;
let projectorCodec: FieldCodec;
let store: EncryptingEventStore;
let consumers: RunningConsumer[] = [];
let relayed = 0;

const newCodec = () => new FieldCodec({ keys: new PostgresFieldKeyStore(ds), masterKey, redactableFields });

async function allCaughtUp() {
  relayed = await relay(ds, k, relayed);
  for (const name of ARTICLE_READ_MODELS) await caughtUp(ds, name);
}

/** Every table of the schema with any row holding `text` (case-insensitive), by name. */
async function tablesHolding(text: string): Promise<string[]> {
  const tables: Array<{ table_name: string }> = await ds.query(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
  );
  const holding: string[] = [];
  for (const { table_name } of tables) {
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM "${table_name}" x WHERE x::text ILIKE $1`, [
      `%${text}%`,
    ]);
    if (n > 0) holding.push(table_name);
  }
  return holding.sort();
}

/** Every row of every table of the article read models, as text, in a stable order. */
async function readModelRows(): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const name of ARTICLE_READ_MODELS) {
    for (const table of PROJECTIONS[name].tables) {
      const rows: Array<{ r: string }> = await ds.query(`SELECT x::text AS r FROM ${table} x ORDER BY 1`);
      out[table] = rows.map((x) => x.r);
    }
  }
  return out;
}

beforeAll(async () => {
  db = await createTestDatabase('runner_redaction', allMigrations);
  ds = db.dataSource;
  k = await testKafka('redaction');
  masterKey = randomBytes(32);
  apiCodec = newCodec();
  projectorCodec = newCodec();
  store = new EncryptingEventStore(new PostgresEventStore(ds), apiCodec);
  await runCommands(store, redacted, [
    draftArticle({
      headline: 'Harbour deal under scrutiny',
      body: [
        { type: 'paragraph', text: `Documents were handed over by ${CANARY} last week.` },
        { type: 'quote', text: 'Nobody was meant to see these.', attribution: `Harbour clerk ${CANARY}` },
        { type: 'paragraph', text: 'The harbour authority declined to comment.' },
      ],
    }),
    addContributor({ contributorId: 'c-source', name: CANARY, role: 'contributor', affiliation: 'Port office' }),
    attachPhoto({ photoId: 'photo-1', caption: `${CANARY} outside the harbour office` }),
    submitForReview(),
    approveArticle(meta(anAdmin())),
    publishArticle(),
    issueCorrection({ text: `An earlier version misspelt ${CANARY}.` }),
    reviseArticle({ headline: `Harbour deal: ${CANARY} speaks` }),
    // A published article's edit goes live at its next publication; the editor's own, so the admin publishes.
    publishArticle({ updateKind: 'major' }, meta(anAdmin())),
  ]);
  await runCommands(store, untouched, [draftArticle({ headline: 'Ferries run again' })]);
  consumers = await startConsumers(
    ds,
    k,
    ARTICLE_READ_MODELS,
    decryptingProvenance(projectorCodec),
    openedHistory(projectorCodec),
  );
  await allCaughtUp();
}, 120_000);
afterAll(async () => {
  await Promise.all(consumers.map((c) => c.stop()));
  await k.close();
  await db.drop();
});

describe('a legal redaction projected by every article read model', () => {
  it('finds the name before the redaction in read models, and only there (the store holds ciphertext)', async () => {
    const holding = await tablesHolding(CANARY);

    expect(holding).toEqual(expect.arrayContaining(['article_state', 'audit_trail', 'public_articles']));
    expect(holding).not.toContain('events');
  });

  it('leaves the name in no table once the redaction is projected, in no derived form either', async () => {
    const streamId = articleStreamId(redacted);
    const stored = await new PostgresEventStore(ds).readStream(streamId);
    const found = await apiCodec.locate(stored, (text) => text.includes(CANARY));
    expect(found.plaintext).toEqual([]);
    const [{ row }]: Array<{ row: ArticleRow }> = await ds.query(
      `SELECT row FROM article_state WHERE article_id = $1`,
      [redacted],
    );
    const fields = found.encrypted.map(({ eventId, path }) => ({ eventId: eventId!, path }));
    const redaction = contentRedacted(row, fields);
    await apiCodec.destroy(
      found.encrypted.map((f) => f.kid),
      NOTICE,
    );
    const last = stored[stored.length - 1];
    const actor = { id: 'user-admin', name: 'Ada Admin', role: 'admin' };
    const id = randomUUID();
    await store.append(
      streamId,
      { version: last.version, hash: last.hash },
      [{ type: redaction.type, data: redaction.data }],
      { actor, commandId: id, correlationId: id, causationId: id },
      NOTICE.redactedAt,
    );

    await allCaughtUp();

    expect(await tablesHolding(CANARY)).toEqual([]);
    expect(await tablesHolding(surname)).toEqual([]);
    expect(await tablesHolding('[object Object]')).toEqual([]);
    const [{ row: after }]: Array<{ row: ArticleRow }> = await ds.query(
      `SELECT row FROM article_state WHERE article_id = $1`,
      [redacted],
    );
    expect(after.working).toEqual(redaction.data.working);
    const [{ row: pub }] = await ds.query(`SELECT row FROM public_articles WHERE article_id = $1`, [redacted]);
    expect(pub.editorNotes).toEqual([{ text: redaction.data.note, issuedAt: NOTICE.redactedAt }]);
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM audit_trail WHERE article_id = $1`, [redacted]);
    expect(n).toBe(last.version + 1);
    const [{ n: dead }] = await ds.query(`SELECT count(*)::int AS n FROM dead_letters`);
    expect(dead).toBe(0);
  }, 60_000);

  it('is derived again exactly by a rebuild of every read model', async () => {
    const live = await readModelRows();
    const hashes = await Promise.all(ARTICLE_READ_MODELS.map((name) => contentHash(ds, name)));

    const results = await rebuildProjections(ds, ARTICLE_READ_MODELS, {
      openEvents: (events) => projectorCodec.decrypt(events),
      history: openedHistory(projectorCodec),
    });

    expect(results.map((r) => r.contentHash)).toEqual(hashes);
    expect(results.map((r) => r.replacedContentHash)).toEqual(hashes);
    expect(await readModelRows()).toEqual(live);
    expect(live.audit_trail.join('\n')).toContain('$redacted');
  }, 120_000);
});
