import { randomUUID } from 'node:crypto';
import type { ApiHarness } from '@newsroom/testing-system';
import { newsroomClient } from './newsroom.client';
import { startNewsroomApi } from './newsroom.harness';

// Issue #12 under the deployment's four-eyes setting (REDACTION_FOUR_EYES): an order waits until
// a second admin confirms or declines it. Everything here reads the event store (time travel,
// verify, the orders), so the API runs alone.

const SOURCE = 'Ada Lindqvist';
const ORDER = { reason: 'Court order', legalBasis: 'Contempt of Court Act 1981, s.10', reference: 'HC-2030-0117' };

let api: ApiHarness;
let client: ReturnType<typeof newsroomClient>;
let secondAdmin: Record<string, string>;
beforeAll(async () => {
  process.env.REDACTION_FOUR_EYES = 'true';
  api = await startNewsroomApi('redaction_four_eyes');
  client = newsroomClient(api);
  const email = `abe.admin.${randomUUID().slice(0, 6)}@newsroom.test`;
  const password = 'a long enough password';
  await api
    .http()
    .post('/api/admin/users')
    .set(await client.as('admin'))
    .send({ email, name: 'Abe Admin', password, roles: ['admin'] })
    .expect(201);
  const login = await api.http().post('/api/auth/login').send({ email, password }).expect(200);
  secondAdmin = { Authorization: `Bearer ${login.body.accessToken}` };
});
afterAll(async () => {
  delete process.env.REDACTION_FOUR_EYES;
  await api.close();
});

const http = () => api.http();
const at = async (id: string, version: number | 'latest') => {
  const n = version === 'latest' ? await client.storedVersion(id) : version;
  return (
    await http()
      .get(`/api/articles/${id}/versions/${n}`)
      .set(await client.as('auditor'))
      .expect(200)
  ).body;
};
const orders = async (id: string) =>
  (
    await http()
      .get(`/api/articles/${id}/redactions`)
      .set(await client.as('admin'))
      .expect(200)
  ).body;
/** Whether the key of the passage field of the order's request is gone, with its tombstone. */
const passageKeyDestroyed = async (redactionId: string) => {
  const [row] = await api.db.dataSource.query(
    `SELECT data->'passage'->'$enc'->>'kid' AS kid FROM events
      WHERE type = 'RedactionRequested' AND data->>'redactionId' = $1`,
    [redactionId],
  );
  const [{ live }] = await api.db.dataSource.query(`SELECT count(*)::int AS live FROM field_keys WHERE kid = $1`, [
    row.kid,
  ]);
  const [{ tombstones }] = await api.db.dataSource.query(
    `SELECT count(*)::int AS tombstones FROM field_key_tombstones WHERE kid = $1 AND redaction_id = $2`,
    [row.kid, redactionId],
  );
  return live === 0 && tombstones === 1;
};

async function storyNaming(): Promise<string> {
  const { body } = await http()
    .post('/api/articles')
    .set(await client.as('reporter'))
    .send({ headline: 'Quota plan leaked', body: [{ type: 'paragraph', text: `${SOURCE}, harbour master, spoke.` }] })
    .expect(201);
  return body.id;
}

const request = async (id: string, passage: string) =>
  http()
    .post(`/api/articles/${id}/redactions`)
    .set(await client.as('admin'))
    .send({ passage, ...ORDER });

describe('a redaction under four-eyes', () => {
  let id: string;
  let redactionId: string;
  beforeAll(async () => {
    id = await storyNaming();
    const res = await request(id, SOURCE);
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('pending');
    redactionId = res.body.redactionId;
  });

  it('waits: the article still reads as written, and the order is listed as pending without its passage', async () => {
    expect(JSON.stringify(await at(id, 'latest'))).toContain(SOURCE);
    const listed = await orders(id);
    expect(listed).toEqual([expect.objectContaining({ redactionId, status: 'pending', confirmedBy: null })]);
    expect(JSON.stringify(listed)).not.toContain(SOURCE);
  });

  it('cannot be confirmed by the admin who asked, nor by an editor', async () => {
    const path = `/api/articles/${id}/redactions/${redactionId}/confirm`;
    const own = await http()
      .post(path)
      .set(await client.as('admin'));
    expect(own.status).toBe(403);
    expect(own.body.reason).toContain('four-eyes');
    await http()
      .post(path)
      .set(await client.as('editor'))
      .expect(403);
  });

  it('takes effect when a second admin confirms it, its own passage unreadable too', async () => {
    const res = await http().post(`/api/articles/${id}/redactions/${redactionId}/confirm`).set(secondAdmin);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ redactionId, status: 'redacted' });
    const now = await at(id, 'latest');
    expect(now.working.body[0].text).toBe('harbour master, spoke.');
    expect(JSON.stringify(await at(id, 1))).not.toContain(SOURCE);
    expect(await passageKeyDestroyed(redactionId)).toBe(true);
    expect(await orders(id)).toEqual([
      expect.objectContaining({ status: 'redacted', confirmedBy: expect.objectContaining({ name: 'Abe Admin' }) }),
    ]);
    await http().post(`/api/articles/${id}/redactions/${redactionId}/confirm`).set(secondAdmin).expect(404);
  });
});

describe('a redaction declined under four-eyes', () => {
  it('changes nothing of the article and destroys the key of the passage it asked for', async () => {
    const id = await storyNaming();
    const { body } = await request(id, 'harbour master');
    const decline = `/api/articles/${id}/redactions/${body.redactionId}/decline`;
    // Decided on what the admin read, when they say which version that was.
    await http().post(decline).set(secondAdmin).set('If-Match', '"1"').expect(412);
    const res = await http().post(decline).set(secondAdmin).set('If-Match', `"${body.version}"`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('declined');
    expect((await at(id, 'latest')).working.body[0].text).toBe(`${SOURCE}, harbour master, spoke.`);
    expect(await passageKeyDestroyed(body.redactionId)).toBe(true);
    expect(await orders(id)).toEqual([expect.objectContaining({ status: 'declined', fields: 1 })]);
    const verified = await http()
      .get(`/api/articles/${id}/verify`)
      .set(await client.as('auditor'))
      .expect(200);
    expect(verified.body.valid).toBe(true);
  });
});
