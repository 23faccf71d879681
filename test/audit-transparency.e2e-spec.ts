import {
  generateSignerKey,
  leafHash,
  logEntry,
  openCheckpoint,
  parseSignerKey,
  parseVerifierKey,
  PostgresEventStore,
  verifierKeyOf,
  verifyConsistency,
  verifyInclusion,
} from '@newsroom/event-store';
import type { ApiHarness } from '@newsroom/testing-system';
import { startNewsroomApi } from './newsroom.harness';

// Issue #10: one global Merkle log of every event, signed checkpoints, proofs, and `verify` against them.

const SIGNER_KEY = generateSignerKey('newsroom.test/audit-log');
let api: ApiHarness;
let auditor: { Authorization: string };
let editor: { Authorization: string };
beforeAll(async () => {
  process.env.AUDIT_SIGNING_KEY = SIGNER_KEY;
  // Checkpoints on demand only, so each test decides when one is signed.
  process.env.AUDIT_CHECKPOINT_INTERVAL_MS = '3600000';
  api = await startNewsroomApi('audit_transparency');
  auditor = { Authorization: `Bearer ${await api.tokenFor('auditor')}` };
  editor = { Authorization: `Bearer ${await api.tokenFor('editor')}` };
});
afterAll(async () => {
  delete process.env.AUDIT_SIGNING_KEY;
  delete process.env.AUDIT_CHECKPOINT_INTERVAL_MS;
  await api?.close();
});

async function articleWithVersions(n: number): Promise<string> {
  const { body } = await api.http().post('/api/articles').set(editor).send({ headline: 'Harbour reopens' }).expect(201);
  for (let v = 1; v < n; v++) {
    await api
      .http()
      .patch(`/api/articles/${body.id}`)
      .set(editor)
      .set('If-Match', `"${v}"`)
      .send({ headline: `Harbour reopens, take ${v + 1}` })
      .expect(200);
  }
  return body.id;
}
const eventsOf = (id: string) => new PostgresEventStore(api.db.dataSource).readStream(`article-${id}`);
const signNow = async () =>
  (
    await api
      .http()
      .post('/api/audit/checkpoints')
      .set(await admin())
      .expect(200)
  ).body;
const admin = async () => ({ Authorization: `Bearer ${await api.tokenFor('admin')}` });

describe('the public key and the latest checkpoint', () => {
  it('serve the C2SP verifier key as text, and a checkpoint it opens, to anyone', async () => {
    await articleWithVersions(1);
    await signNow();
    const key = await api.http().get('/api/audit/public-key').expect(200);
    expect(key.headers['content-type']).toMatch(/^text\/plain/);
    expect(key.text.trim()).toBe(verifierKeyOf(parseSignerKey(SIGNER_KEY)));

    const latest = await api.http().get('/api/audit/checkpoints/latest').expect(200);
    const checkpoint = openCheckpoint(latest.text, parseVerifierKey(key.text), 'newsroom.test/audit-log');
    const [{ size }] = await api.db.dataSource.query(`SELECT size FROM merkle_tree`);
    expect(checkpoint.size).toBe(Number(size));
  });
});

describe('proofs', () => {
  it("prove each event of an article in the latest checkpoint, from the event's own bytes", async () => {
    const id = await articleWithVersions(3);
    const { note } = await signNow();
    const checkpoint = openCheckpoint(note, parseVerifierKey(verifierKeyOf(parseSignerKey(SIGNER_KEY))));
    for (const event of await eventsOf(id)) {
      const res = await api.http().get(`/api/audit/proofs/inclusion?position=${event.globalPosition}`).set(auditor);
      expect(res.status).toBe(200);
      expect(res.body.treeSize).toBe(checkpoint.size);
      const proof = res.body.proof.map((p: string) => Buffer.from(p, 'base64'));
      expect(
        verifyInclusion(res.body.leafIndex, checkpoint.size, leafHash(logEntry(event)), proof, checkpoint.root),
      ).toBe(true);
    }
  });

  it('prove every kept checkpoint a prefix of the latest', async () => {
    await articleWithVersions(2);
    await signNow();
    const { body } = await api.http().get('/api/audit/checkpoints').set(auditor).expect(200);
    const latest = body.items.at(-1);
    for (const older of body.items.slice(0, -1)) {
      const res = await api
        .http()
        .get(`/api/audit/proofs/consistency?from=${older.treeSize}&to=${latest.treeSize}`)
        .set(auditor)
        .expect(200);
      const proof = res.body.proof.map((p: string) => Buffer.from(p, 'base64'));
      const [r1, r2] = [Buffer.from(older.root, 'base64'), Buffer.from(latest.root, 'base64')];
      expect(verifyConsistency(older.treeSize, latest.treeSize, r1, r2, proof)).toBe(true);
    }
    expect(body.items.length).toBeGreaterThan(1);
  });

  it('answer 400 naming the field for a size the log does not have, and 404 for an unknown event', async () => {
    const tooBig = await api.http().get('/api/audit/proofs/consistency?from=1&to=99999999').set(auditor);
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.details[0].path).toBe('to');
    const backwards = await api.http().get('/api/audit/proofs/consistency?from=3&to=2').set(auditor);
    expect(backwards.body.details[0].path).toBe('from');
    expect((await api.http().get('/api/audit/proofs/inclusion?position=abc').set(auditor)).status).toBe(400);
    expect((await api.http().get('/api/audit/proofs/inclusion?position=99999999').set(auditor)).status).toBe(404);
  });
});

describe('verify', () => {
  it('checks an untouched article against the latest checkpoint', async () => {
    const id = await articleWithVersions(4);
    const res = await api.http().get(`/api/articles/${id}/verify`).set(auditor).expect(200);
    expect(res.body).toMatchObject({ valid: true, events: 4, logged: 4, pending: 0 });
    expect(res.body.checkpoint.problem).toBeUndefined();
  });
});
