import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { redactableFields } from '@newsroom/editorial-domain';
import {
  erasePlaintextFields,
  eventHash,
  FieldCodec,
  generateSignerKey,
  GENESIS_HASH,
  parseSignerKey,
  PostgresEventStore,
  signCheckpoint,
  type StoredEvent,
} from '@newsroom/event-store';
import { tampered, unzipBundle, verifyBundle } from './audit-bundle.fixture';
import { auditLogSuite } from './audit-log.fixture';

// Issue #10's tamper matrix: each alteration an operator with the database could make is caught by
// `verify` (SQL on this suite's schema, its append-only triggers disabled) and by verify-bundle.mjs
// run as a separate process on an exported bundle, and located at the article and version.

const audit = auditLogSuite('audit_tamper');
const OTHER = parseSignerKey(generateSignerKey('newsroom.test/audit-log'));
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** An article whose events a signed checkpoint covers before anyone tampers. */
const anArticle = (versions = 3) => audit.article(versions, { signed: true });
const { verify, eventsOf } = audit;
/** GET /api/audit/integrity: the whole log's check, its NDJSON lines parsed. */
async function wholeLog(): Promise<any[]> {
  const res = await audit.api.http().get('/api/audit/integrity').set(audit.auditor).expect(200);
  expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
  return res.text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
}
async function asOperator(sql: string, params: unknown[] = []) {
  const ds = audit.api.db.dataSource;
  await ds.query(`ALTER TABLE events DISABLE TRIGGER USER`);
  try {
    await ds.query(sql, params);
  } finally {
    await ds.query(`ALTER TABLE events ENABLE TRIGGER USER`);
  }
}
/** The events with their data changed by `change`, every hash recomputed: a chain that holds. */
function rechained(events: StoredEvent[], change: (e: StoredEvent) => unknown): StoredEvent[] {
  let prevHash = GENESIS_HASH;
  return events.map((e) => {
    const data = change(e);
    const hash = eventHash(prevHash, { ...e, data });
    const next = { ...e, data, prevHash, hash };
    prevHash = hash;
    return next;
  });
}
async function bundleOf(id: string): Promise<string> {
  const res = await audit.api
    .http()
    .get(`/api/audit/bundle?articleId=${id}`)
    .set(audit.auditor)
    .buffer(true)
    .parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    });
  expect(res.status).toBe(200);
  expect(res.headers['content-disposition']).toMatch(/newsroom-audit-article-.*\.zip/);
  const dir = await unzipBundle(res.body);
  dirs.push(dir);
  return dir;
}

describe('an untouched article', () => {
  it('verifies, and its bundle verifies offline against the pinned key', async () => {
    const id = await anArticle();
    expect(await verify(id)).toMatchObject({ valid: true, events: 3, logged: 3 });
    const dir = await bundleOf(id);
    const run = verifyBundle(dir, audit.key);
    expect(run).toEqual({ status: 0, out: expect.stringMatching(/^OK: 3 events of 1 articles hold/) });
    // The events as stored (issue #12): headlines encrypted, no key in the bundle to open them.
    const exported = readFileSync(`${dir}/events.ndjson`, 'utf8');
    expect(exported).toContain('"$enc"');
    expect(exported).not.toContain('Harbour reopens');
  });

  it('passes the whole-log check: every stream and the log against the latest checkpoint, with progress', async () => {
    const lines = await wholeLog();
    expect(lines[0]).toMatchObject({ kind: 'checkpoint', checkpoint: { treeSize: expect.any(Number) } });
    expect(lines.some((l) => l.kind === 'progress' && l.phase === 'chains')).toBe(true);
    expect(lines.at(-1)).toEqual({ kind: 'done', valid: true, problems: 0, firstBroken: null });
  });
});

describe('an article after a redaction destroyed keys (issue #12)', () => {
  it('still verifies, and its bundle passes verify-bundle.mjs, which shows the fields as key destroyed', async () => {
    const id = await anArticle(2);
    const order = {
      redactionId: randomUUID(),
      redactedAt: '2026-12-02T09:30:00.000Z',
      legalBasis: 'Court order',
      reference: 'HC-2026-0042',
    };
    const codec = audit.api.app.get(FieldCodec);
    const found = await codec.locate(await eventsOf(id), (text) => text.includes('take 2'));
    expect(found.encrypted).toHaveLength(1);
    await codec.destroy(
      found.encrypted.map((f) => f.kid),
      order,
    );
    await audit.signNow();

    expect(await verify(id)).toMatchObject({ valid: true, events: 2 });
    const dir = await bundleOf(id);
    expect(JSON.parse(readFileSync(`${dir}/redactions.json`, 'utf8'))).toEqual({ [found.encrypted[0].kid]: order });
    const run = verifyBundle(dir, audit.key, '--verbose');
    expect(run.status).toBe(0);
    expect(run.out).toMatch(/^OK: 2 events of 1 articles hold/);
    expect(run.out).toContain('fields: 1 encrypted, 1 key destroyed by a redaction, 0 erased by a redaction');
    expect(run.out).toContain(
      `version 2 changes.headline: key destroyed by redaction ${order.redactionId} on ${order.redactedAt} ` +
        '(Court order, HC-2026-0042)',
    );
  });
});

describe('an article stored in plaintext before encryption, its field erased in place (issue #12)', () => {
  it('still verifies, naming the erased event; the whole log holds; its bundle passes, showing it erased', async () => {
    const streamId = `article-${randomUUID()}`;
    const ds = audit.api.db.dataSource;
    const metadata = {
      actor: { id: 'u1', name: 'Eda Editor', role: 'editor' },
      commandId: 'c',
      correlationId: 'c',
      causationId: 'c',
    };
    const data = { headline: 'Harbour reopens', body: [{ type: 'paragraph', text: 'Said Ada Lindqvist, a pilot.' }] };
    const [draft] = await new PostgresEventStore(ds).append(
      streamId,
      null,
      [{ type: 'ArticleDrafted', data }],
      metadata,
      new Date().toISOString(),
    );
    await audit.signNow();
    // What the relay does once Kafka has it (no relay runs here): only then may plaintext be erased.
    await ds.query(`DELETE FROM outbox WHERE stream_id = $1`, [streamId]);
    const order = {
      redactionId: randomUUID(),
      redactedAt: '2026-12-02T09:30:00.000Z',
      legalBasis: 'GDPR art. 17',
      reference: 'DSR-7',
    };
    await ds.transaction((m) =>
      erasePlaintextFields(m, [{ eventId: draft.eventId, path: 'body[0].text' }], order, redactableFields),
    );

    const id = streamId.replace('article-', '');
    expect(await verify(id)).toMatchObject({ valid: true, erased: [{ version: 1, paths: ['body[0].text'] }] });
    expect((await wholeLog()).at(-1)).toMatchObject({ kind: 'done', valid: true });
    const dir = await bundleOf(id);
    expect(readFileSync(`${dir}/events.ndjson`, 'utf8')).not.toContain('Lindqvist');
    const run = verifyBundle(dir, audit.key, '--verbose');
    expect(run.status).toBe(0);
    expect(run.out).toContain(`version 1 body[0].text: erased under order ${order.redactionId}`);
  });
});

describe('the tamper matrix, in the database: verify', () => {
  it('catches an edited event at its version', async () => {
    const id = await anArticle();
    await asOperator(
      `UPDATE events SET data = jsonb_set(data, '{headline}', '"Forged"') WHERE stream_id = $1 AND version = 2`,
      [`article-${id}`],
    );
    expect(await verify(id)).toMatchObject({ valid: false, brokenAt: 2 });
  });

  it('catches two swapped events at the first of them', async () => {
    const id = await anArticle();
    await asOperator(
      `UPDATE events e SET data = o.data FROM events o
       WHERE e.stream_id = $1 AND o.stream_id = $1 AND e.version + o.version = 5 AND e.version IN (2, 3)`,
      [`article-${id}`],
    );
    expect(await verify(id)).toMatchObject({ valid: false, brokenAt: 2 });
  });

  it('catches a deleted event at its version', async () => {
    const id = await anArticle();
    await asOperator(
      `WITH gone AS (DELETE FROM events WHERE stream_id = $1 AND version = 2 RETURNING global_position)
       DELETE FROM outbox WHERE global_position IN (SELECT global_position FROM gone)`,
      [`article-${id}`],
    );
    expect(await verify(id)).toMatchObject({ valid: false, brokenAt: 2 });
  });

  it('catches an event inserted around the append path at its version', async () => {
    const id = await anArticle();
    const [last] = (await eventsOf(id)).slice(-1);
    const fields = { ...last, eventId: randomUUID(), version: 4, data: { headline: 'Inserted' } };
    const forged = { ...fields, prevHash: last.hash, hash: eventHash(last.hash, fields) };
    await asOperator(
      `INSERT INTO events (event_id, stream_id, version, type, schema_version, data, metadata, occurred_at,
         prev_hash, hash)
       VALUES ($8, $1, 4, $2, 1, $3, $4, $5, $6, $7)`,
      [
        forged.streamId,
        forged.type,
        forged.data,
        forged.metadata,
        forged.occurredAt,
        forged.prevHash,
        forged.hash,
        forged.eventId,
      ],
    );
    expect(await verify(id)).toMatchObject({
      valid: false,
      brokenAt: 4,
      reason: expect.stringMatching(/around the append/),
    });
  });

  it('catches a truncated tail at the first missing version, though the chain left holds', async () => {
    const id = await anArticle(4);
    await asOperator(`DELETE FROM outbox WHERE stream_id = $1`, [`article-${id}`]);
    await asOperator(`DELETE FROM events WHERE stream_id = $1 AND version >= 3`, [`article-${id}`]);
    expect(await verify(id)).toMatchObject({
      valid: false,
      brokenAt: 3,
      reason: expect.stringMatching(/not in the store/),
    });
  });

  it('catches a whole stream rewritten with recomputed hashes at version 1', async () => {
    const id = await anArticle();
    for (const e of rechained(await eventsOf(id), (x) => ({ ...x.data, headline: 'Rewritten' }))) {
      await asOperator(`UPDATE events SET data = $1, prev_hash = $2, hash = $3 WHERE event_id = $4`, [
        e.data,
        e.prevHash,
        e.hash,
        e.eventId,
      ]);
    }
    expect(await verify(id)).toMatchObject({
      valid: false,
      brokenAt: 1,
      reason: expect.stringMatching(/differs from what the signed log recorded/),
    });
  });

  it('catches a latest checkpoint signed by another key', async () => {
    const id = await anArticle();
    await verify(id);
    const [{ size, root }] = await audit.api.db.dataSource.query(`SELECT size, root FROM merkle_tree`);
    const note = signCheckpoint({ origin: audit.signer.name, size: Number(size), root }, OTHER);
    const [{ id: forged }] = await audit.api.db.dataSource.query(
      `INSERT INTO audit_checkpoints (tree_size, root, note) VALUES ($1, $2, $3) RETURNING id`,
      [size, root, note],
    );
    try {
      expect(await verify(id)).toMatchObject({
        valid: false,
        brokenAt: 0,
        reason: expect.stringMatching(/not signed/),
      });
    } finally {
      await audit.api.db.dataSource.query(`DELETE FROM audit_checkpoints WHERE id = $1`, [forged]);
    }
  });

  it('catches an older checkpoint presented as latest, the log rolled back with it', async () => {
    const id = await anArticle();
    await verify(id);
    const [before] = await audit.api.db.dataSource.query(`SELECT size, frontier, root FROM merkle_tree`);
    await anArticle(1);
    await audit.signNow();
    const [after] = await audit.api.db.dataSource.query(`SELECT size, frontier, root FROM merkle_tree`);
    const [removed] = await audit.api.db.dataSource.query(
      `DELETE FROM audit_checkpoints WHERE tree_size > $1 RETURNING *`,
      [before.size],
    );
    await audit.api.db.dataSource.query(`UPDATE merkle_tree SET size = $1, frontier = $2, root = $3`, [
      before.size,
      JSON.stringify(before.frontier),
      before.root,
    ]);
    try {
      expect(await verify(id)).toMatchObject({
        valid: false,
        brokenAt: 0,
        reason: expect.stringMatching(/rolled back/),
      });
    } finally {
      await audit.api.db.dataSource.query(`UPDATE merkle_tree SET size = $1, frontier = $2, root = $3`, [
        after.size,
        JSON.stringify(after.frontier),
        after.root,
      ]);
      for (const c of removed) {
        await audit.api.db.dataSource.query(
          `INSERT INTO audit_checkpoints (tree_size, root, note) VALUES ($1, $2, $3)`,
          [c.tree_size, c.root, c.note],
        );
      }
    }
  });
});

describe('the whole-log check, after the tampering above', () => {
  it('fails, naming the first broken event in log order with what was expected and found', async () => {
    const lines = await wholeLog();
    const done = lines.at(-1);
    expect(done).toMatchObject({ kind: 'done', valid: false, problems: expect.any(Number) });
    expect(done.problems).toBeGreaterThanOrEqual(6);
    expect(done.firstBroken).toMatchObject({
      streamId: expect.stringMatching(/^article-/),
      version: 2,
      reason: expect.stringMatching(/differs from what the signed log recorded/),
      expected: expect.stringMatching(/^[0-9a-f]{64}$/),
      found: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const reasons = lines.filter((l) => l.kind === 'problem').map((l) => l.problem.reason);
    expect(reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/not in the store/),
        expect.stringMatching(/around the append path/),
        expect.stringMatching(/prev_hash does not match|content does not match/),
      ]),
    );
  });
});

describe('the tamper matrix, on an exported bundle: verify-bundle.mjs', () => {
  let id: string;
  let dir: string;
  let events: StoredEvent[];
  beforeAll(async () => {
    id = await anArticle(4);
    dir = await bundleOf(id);
    events = await eventsOf(id);
  });
  const run = (file: string, edit: (lines: any[]) => any[], ...extra: string[]) => {
    const copy = tampered(dir, file, edit);
    dirs.push(copy);
    return verifyBundle(copy, audit.key, ...extra);
  };
  const fails = (at: string) => ({ status: 1, out: expect.stringContaining(`FAIL: ${at}`) });

  it('names an edited event', () => {
    const out = run('events.ndjson', (ls) => ls.map((e) => (e.version === 2 ? { ...e, data: { headline: 'X' } } : e)));
    expect(out).toEqual(fails(`article ${id} version 2: event content does not match its hash`));
  });

  it('names the first of two swapped events', () => {
    const out = run('events.ndjson', (ls) => {
      const [a, b] = [ls.findIndex((e) => e.version === 2), ls.findIndex((e) => e.version === 3)];
      return ls.map((e, i) => (i === a ? { ...e, data: ls[b].data } : i === b ? { ...e, data: ls[a].data } : e));
    });
    expect(out).toEqual(fails(`article ${id} version 2:`));
  });

  it('names a deleted event', () => {
    expect(run('events.ndjson', (ls) => ls.filter((e) => e.version !== 2))).toEqual(
      fails(`article ${id} version 2: version 2 is missing`),
    );
  });

  it('names an inserted event', () => {
    const last = events.at(-1)!;
    const extra = { ...last, eventId: '00000000-0000-4000-8000-000000000000', version: 5, prevHash: last.hash };
    const inserted = { ...extra, hash: eventHash(last.hash, extra) };
    expect(run('events.ndjson', (ls) => [...ls, inserted])).toEqual(
      fails(`article ${id} version 5: is not in the latest signed checkpoint`),
    );
  });

  it('names the first version of a truncated tail', () => {
    expect(run('events.ndjson', (ls) => ls.filter((e) => e.version < 3))).toEqual(
      fails(`article ${id} version 3: is in the signed log`),
    );
  });

  it('names version 1 of a whole stream rewritten with recomputed hashes', () => {
    const rewritten = rechained(events, (e) => ({ ...e.data, headline: 'Rewritten' }));
    expect(run('events.ndjson', () => rewritten)).toEqual(
      fails(`article ${id} version 1: differs from what the signed log recorded`),
    );
  });

  it('names recorded leaf hashes that do not lead to the signed root', () => {
    const out = run('log-leaves.ndjson', (ls) => ls.map((l, i) => (i === 1 ? { ...l, leafHash: ls[0].leafHash } : l)));
    expect(out).toEqual(fails('log leaves: the leaf hashes listed do not lead to the root of checkpoint'));
  });

  it('still reads a bundle of format 1, an audit path per leaf, and names a rewritten stream in it', async () => {
    const manifest = JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8'));
    const v1 = tampered(dir, 'log-leaves.ndjson', (ls) => ls.map(({ leafHash: _, ...leaf }) => leaf));
    dirs.push(v1);
    const paths = [];
    for (const line of readFileSync(`${v1}/log-leaves.ndjson`, 'utf8').trim().split('\n')) {
      const { body } = await audit.api
        .http()
        .get(`/api/audit/proofs/inclusion?position=${JSON.parse(line).globalPosition}&treeSize=${manifest.treeSize}`)
        .set(audit.auditor)
        .expect(200);
      paths.push(`${JSON.stringify({ leafIndex: body.leafIndex, treeSize: body.treeSize, proof: body.proof })}\n`);
    }
    writeFileSync(`${v1}/proofs/inclusion.ndjson`, paths.join(''));
    rmSync(`${v1}/proofs/inclusion.json`);
    writeFileSync(`${v1}/manifest.json`, JSON.stringify({ ...manifest, format: 'newsroom-audit-bundle/1' }));
    expect(verifyBundle(v1, audit.key)).toEqual({ status: 0, out: expect.stringContaining('OK: 4 events') });

    const rewritten = rechained(events, (e) => ({ ...e.data, headline: 'Rewritten' }));
    const copy = tampered(v1, 'events.ndjson', () => rewritten);
    dirs.push(copy);
    expect(verifyBundle(copy, audit.key)).toEqual(
      fails(`article ${id} version 1: differs from what the signed log recorded`),
    );
  });

  it('names a checkpoint signed by another key', () => {
    const out = run('checkpoints.ndjson', (ls) =>
      ls.map((c, i) => {
        if (i < ls.length - 1) return c;
        const [origin, size, root] = c.note.split('\n');
        const note = signCheckpoint({ origin, size: Number(size), root: Buffer.from(root, 'base64') }, OTHER);
        return { ...c, note };
      }),
    );
    expect(out).toEqual(fails(`checkpoint `));
    expect(out.out).toMatch(/is not signed by the pinned key/);
  });

  it('names an older checkpoint presented as latest, and a bundle older than a checkpoint the auditor holds', () => {
    const older = (ls: any[]) => [
      ...ls,
      { ...ls[0], note: signCheckpoint({ origin: audit.signer.name, size: 1, root: Buffer.alloc(32) }, audit.signer) },
    ];
    expect(run('checkpoints.ndjson', older)).toEqual(fails('checkpoint 1: presented as latest'));

    const known = `${dir}/known.note`;
    const [latestSize] = [Number(JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8')).treeSize)];
    writeFileSync(
      known,
      signCheckpoint({ origin: audit.signer.name, size: latestSize + 10, root: Buffer.alloc(32, 7) }, audit.signer),
    );
    expect(verifyBundle(dir, audit.key, '--known', known)).toEqual(
      fails(`checkpoint ${latestSize}: older than the known`),
    );
  });
});
