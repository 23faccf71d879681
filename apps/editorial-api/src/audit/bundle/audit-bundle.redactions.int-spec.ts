import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { redactableFields } from '@newsroom/editorial-domain';
import {
  eventStoreMigrations,
  erasePlaintextFields,
  FieldCodec,
  generateSignerKey,
  parseSignerKey,
  PostgresEventStore,
  PostgresFieldKeyStore,
  sequenceAndSign,
  verifierKeyOf,
  type NewEvent,
} from '@newsroom/event-store';
import { createTestDatabase, type TestDatabase } from '@newsroom/testing-system';
import { buildAuditBundle } from './audit-bundle';

// Issue #12 in the bundle: encrypted fields whose keys a redaction destroyed, and plaintext fields
// erased in place (the heavier route), exported and checked by verify-bundle.mjs as an auditor runs it.

const SOURCE = 'Ada Lindqvist';
const ORDER = {
  redactionId: randomUUID(),
  redactedAt: '2026-12-02T09:30:00.000Z',
  legalBasis: 'Court order (protection of a source)',
  reference: 'HC-2026-0042',
};
const metadata = {
  actor: { id: 'u1', name: 'Ada Admin', role: 'admin' },
  commandId: 'c',
  correlationId: 'c',
  causationId: 'c',
};
const signer = parseSignerKey(generateSignerKey('newsroom.test/bundle'));
const key = verifierKeyOf(signer);
const story = (): NewEvent[] => [
  {
    type: 'ArticleDrafted',
    data: {
      headline: 'Ministry draft on fishing quotas leaked',
      body: [
        { type: 'paragraph', text: `The draft was passed to us by ${SOURCE}, an official.` },
        { type: 'quote', text: 'Nobody left the table happy.', attribution: 'A minister' },
      ],
    },
  },
  { type: 'PhotoAttached', data: { photo: { photoId: 'p1', caption: `${SOURCE} at the ministry`, credit: 'Wire' } } },
  { type: 'ArticleApproved', data: {} },
];

let db: TestDatabase;
let codec: FieldCodec;
const dirs: string[] = [];
beforeAll(async () => {
  db = await createTestDatabase('audit_bundle_redactions', eventStoreMigrations);
  codec = new FieldCodec({
    keys: new PostgresFieldKeyStore(db.dataSource),
    masterKey: randomBytes(32),
    redactableFields,
  });
});
afterAll(async () => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  await db.drop();
});

/** Appends a story (encrypted or not), signs, redacts the source's name, records the order, signs again. */
async function aRedactedStory(encrypted: boolean): Promise<string> {
  const articleId = randomUUID();
  const streamId = `article-${articleId}`;
  const store = new PostgresEventStore(db.dataSource);
  const at = new Date().toISOString();
  const stored = await store.append(
    streamId,
    null,
    encrypted ? await codec.encrypt(streamId, story()) : story(),
    metadata,
    at,
  );
  await sequenceAndSign(db.dataSource, signer);
  // What the relay does once Kafka has them: only then may plaintext be erased.
  await db.dataSource.query(`DELETE FROM outbox WHERE stream_id = $1`, [streamId]);
  const found = await codec.locate(stored, (t) => t.includes(SOURCE));
  const refs = (list: { eventId: string | undefined; path: string }[]) =>
    list.map(({ eventId, path }) => ({ eventId: eventId!, path }));
  await db.dataSource.transaction(async (m) => {
    await codec.destroy(
      found.encrypted.map((f) => f.kid),
      ORDER,
      m,
    );
    await erasePlaintextFields(m, refs(found.plaintext), ORDER, redactableFields);
  });
  const redacted = {
    type: 'ContentRedacted',
    data: { ...ORDER, fields: refs(found.encrypted), erased: refs(found.plaintext) },
  };
  await store.append(streamId, stored.at(-1)!, [redacted], metadata, at);
  await sequenceAndSign(db.dataSource, signer);
  return articleId;
}

async function exported(articleId: string): Promise<string> {
  const bundle = await buildAuditBundle(db.dataSource, key, { articleId });
  const dir = mkdtempSync(join(tmpdir(), 'newsroom-bundle-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(bundle.files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function verify(dir: string, ...extra: string[]) {
  const run = spawnSync(process.execPath, [join(dir, 'verify-bundle.mjs'), dir, '--key', key, ...extra], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

/** A copy of the bundle with one file rewritten. */
function withFile(dir: string, name: string, edit: (text: string) => string): string {
  const copy = mkdtempSync(join(tmpdir(), 'newsroom-tampered-'));
  dirs.push(copy);
  cpSync(dir, copy, { recursive: true });
  writeFileSync(join(copy, name), edit(readFileSync(join(copy, name), 'utf8')));
  return copy;
}
const editEvents = (edit: (e: any) => any) => (text: string) =>
  text
    .trim()
    .split('\n')
    .map((l) => `${JSON.stringify(edit(JSON.parse(l)))}\n`)
    .join('');

describe('a bundle exported after a redaction destroyed keys', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await exported(await aRedactedStory(true));
  });

  it('lists the destroyed keys with their order in redactions.json, and no text anywhere', () => {
    const redactions = JSON.parse(readFileSync(join(dir, 'redactions.json'), 'utf8'));
    expect(Object.values(redactions)).toEqual([ORDER, ORDER]);
    const all = Object.keys(redactions).join();
    expect(readFileSync(join(dir, 'events.ndjson'), 'utf8')).toContain(Object.keys(redactions)[0]);
    expect(`${all}${readFileSync(join(dir, 'events.ndjson'), 'utf8')}`).not.toContain('Lindqvist');
  });

  it('passes verify-bundle, which shows each field encrypted or its key destroyed by the order', () => {
    const run = verify(dir, '--verbose');
    expect(run.status).toBe(0);
    expect(run.out).toMatch(/^OK: 4 events of 1 articles hold/);
    expect(run.out).toContain('fields: 4 encrypted, 2 key destroyed by a redaction, 0 erased by a redaction');
    expect(run.out).toContain('redactions.json is informational: it is not signed and changes no verdict');
    expect(run.out).toMatch(
      new RegExp(
        `version 2 photo.caption: key destroyed by redaction ${ORDER.redactionId} on ${ORDER.redactedAt} ` +
          `\\(Court order \\(protection of a source\\), HC-2026-0042\\), recorded by ContentRedacted at version 4`,
      ),
    );
    expect(run.out).toMatch(/version 1 headline: encrypted \(no key in the bundle\)/);
  });

  it('writes the same as JSON', () => {
    const run = verify(dir, '--json');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.out)).toMatchObject({
      ok: true,
      fields: { encrypted: 4, keyDestroyed: 2, erased: 0 },
      redactions: [{ ...ORDER, keysDestroyed: 2, erased: 0 }],
      redactionsFile: { informational: true, problem: null },
      detail: expect.arrayContaining([
        expect.objectContaining({ version: 1, path: 'body[0].text', status: 'key destroyed', confirmedBy: 4 }),
      ]),
    });
  });

  it('keeps its verdict whatever redactions.json says: unreadable, or naming an order no event recorded', () => {
    const garbage = verify(withFile(dir, 'redactions.json', () => '{not json'));
    expect(garbage).toMatchObject({ status: 0, out: expect.stringContaining('(unreadable, ignored)') });

    const forged = { ...ORDER, redactionId: randomUUID() };
    const claims = (text: string) =>
      JSON.stringify(Object.fromEntries(Object.keys(JSON.parse(text)).map((kid) => [kid, forged])));
    const claimed = verify(withFile(dir, 'redactions.json', claims), '--verbose');
    expect(claimed.status).toBe(0);
    expect(claimed.out).toContain(
      'recorded by no ContentRedacted event of this bundle (redactions.json alone says so)',
    );
  });

  it('fails a tampered event whatever redactions.json says', () => {
    const tampered = withFile(
      dir,
      'events.ndjson',
      editEvents((e) => (e.version === 3 ? { ...e, data: { forged: true } } : e)),
    );
    const run = verify(tampered);
    expect(run).toMatchObject({
      status: 1,
      out: expect.stringContaining('version 3: event content does not match its hash'),
    });
  });
});

describe('a bundle exported after plaintext fields were erased in place', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await exported(await aRedactedStory(false));
  });

  it('passes verify-bundle, which shows the fields erased under the order, and holds no text', () => {
    const run = verify(dir, '--verbose');
    expect(run.status).toBe(0);
    expect(run.out).toMatch(/^OK: 4 events of 1 articles hold/);
    expect(run.out).toContain('fields: 0 encrypted, 0 key destroyed by a redaction, 2 erased by a redaction');
    expect(run.out).toContain(`version 1 body[0].text: erased under order ${ORDER.redactionId} on ${ORDER.redactedAt}`);
    expect(run.out).toContain('recorded by ContentRedacted at version 4');
    expect(readFileSync(join(dir, 'events.ndjson'), 'utf8')).not.toContain('Lindqvist');
  });

  it('fails an "$erased" at a path that is not redactable', () => {
    const tampered = withFile(
      dir,
      'events.ndjson',
      editEvents((e) =>
        e.version === 2 ? { ...e, data: { ...e.data, photo: { ...e.data.photo, credit: 'x' }, $erased: 1 } } : e,
      ),
    );
    const moved = withFile(
      dir,
      'events.ndjson',
      editEvents((e) => (e.version === 1 ? { ...e, data: { ...e.data, dateline: { $erased: ORDER } } } : e)),
    );
    expect(verify(tampered)).toMatchObject({ status: 1, out: expect.stringContaining('FAIL: article') });
    expect(verify(moved)).toMatchObject({
      status: 1,
      out: expect.stringContaining('version 1: event content does not match its hash: it holds "$erased" at dateline'),
    });
  });

  it('fails another event edited, and an erased event whose leaf the bundle does not list', () => {
    const edited = withFile(
      dir,
      'events.ndjson',
      editEvents((e) => (e.version === 3 ? { ...e, data: { forged: true } } : e)),
    );
    expect(verify(edited)).toMatchObject({ status: 1, out: expect.stringContaining('version 3:') });
    const unlisted = withFile(
      dir,
      'log-leaves.ndjson',
      editEvents((l) => (l.version === 1 ? { ...l, version: 99 } : l)),
    );
    expect(verify(unlisted)).toMatchObject({ status: 1, out: expect.stringContaining('FAIL: article') });
  });
});
