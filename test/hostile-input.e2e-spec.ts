import { randomUUID } from 'node:crypto';
import type { ApiHarness } from '@newsroom/testing-system';
import { startNewsroomApi } from './newsroom.harness';

// Each of these answered 500 (or 200 and stored what stalled the scheduler) before: now a 400 that
// names the field, and nothing stored.

let api: ApiHarness;
let editor: Record<string, string>;
let auditor: Record<string, string>;
beforeAll(async () => {
  api = await startNewsroomApi('hostile_input');
  editor = { Authorization: `Bearer ${await api.tokenFor('editor')}` };
  auditor = { Authorization: `Bearer ${await api.tokenFor('auditor')}` };
});
afterAll(() => api.close());

const eventCount = async () => Number((await api.db.dataSource.query(`SELECT count(*)::int AS n FROM events`))[0].n);

/** Sends `json` as it is written: some of these bodies cannot be built with JSON.stringify. */
const rawPost = (path: string, json: string, headers = editor) =>
  api.http().post(path).set(headers).set('Content-Type', 'application/json').send(json);

async function anArticle(): Promise<string> {
  const res = await api.http().post('/api/articles').set(editor).send({ headline: 'Harbour reopens' }).expect(201);
  return res.body.id;
}

const cursor = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');

function expectRefusal(res: { status: number; body: any }, path: string) {
  expect({ status: res.status, paths: (res.body.details ?? []).map((d: { path: string }) => d.path) }).toEqual({
    status: 400,
    paths: expect.arrayContaining([path]),
  });
}

describe('input no field can hold', () => {
  it('refuses a NUL character in a body string, naming the field', async () => {
    const before = await eventCount();
    const res = await api.http().post('/api/articles').set(editor).send({ headline: 'Harbour\u0000reopens' });
    expectRefusal(res, 'headline');
    expect(await eventCount()).toBe(before);
  });

  it('refuses a NUL character deep in a body, naming its path', async () => {
    const res = await api
      .http()
      .post('/api/articles')
      .set(editor)
      .send({ headline: 'Harbour', body: [{ type: 'paragraph', text: 'a\u0000' }] });
    expectRefusal(res, 'body[0].text');
  });

  it('refuses a NUL character in a query parameter', async () => {
    expectRefusal(await api.http().get('/api/articles?q=%00').set(editor), 'q');
  });

  it('refuses a lone UTF-16 surrogate', async () => {
    expectRefusal(await rawPost('/api/articles', '{"headline":"\\ud800 harbour"}'), 'headline');
  });

  it('refuses __proto__ and constructor like any unknown field', async () => {
    const before = await eventCount();
    expectRefusal(await rawPost('/api/articles', '{"headline":"x","__proto__":{"admin":true}}'), '__proto__');
    expectRefusal(await rawPost('/api/articles', '{"headline":"x","constructor":{"a":1}}'), 'constructor');
    expect(await eventCount()).toBe(before);
  });

  it('refuses a 4 KB anonymous login body nested 2,057 levels deep before parsing it', async () => {
    const deep = `{"email":${'['.repeat(2057)}${']'.repeat(2057)},"password":"x"}`;
    const res = await api.http().post('/api/auth/login').set('Content-Type', 'application/json').send(deep);
    expectRefusal(res, 'body');
  });

  it('still takes brackets inside strings as text, not depth', async () => {
    const res = await api
      .http()
      .post('/api/articles')
      .set(editor)
      .send({ headline: '['.repeat(100) });
    expect(res.status).toBe(201);
  });
});

describe('numbers and cursors out of range', () => {
  it('refuses a version above 2^31 in the path, naming it', async () => {
    const id = await anArticle();
    expectRefusal(await api.http().get(`/api/articles/${id}/versions/2147483648`).set(auditor), 'n');
    expectRefusal(await api.http().get(`/api/articles/${id}/versions/0`).set(auditor), 'n');
  });

  it.each([
    ['a wrong type', ['2030-01-01T00:00:00Z', 42, 1]],
    ['a bad uuid', ['2030-01-01T00:00:00Z', 'not-a-uuid', 1]],
    ['an int above 2^31', ['2030-01-01T00:00:00Z', randomUUID(), 2 ** 31]],
    ['a time PostgreSQL cannot cast', ['2030-01-01T00:00:00+20:00', randomUUID(), 1]],
    ['a wrong length', ['2030-01-01T00:00:00Z']],
  ])('refuses an audit cursor with %s', async (_, key) => {
    expectRefusal(
      await api
        .http()
        .get(`/api/audit?cursor=${cursor(key)}`)
        .set(auditor),
      'cursor',
    );
  });

  it('refuses a list cursor with a bad uuid', async () => {
    const res = await api
      .http()
      .get(`/api/articles?cursor=${cursor(['2030-01-01T00:00:00Z', 'x'])}`)
      .set(editor);
    expectRefusal(res, 'cursor');
  });
});

describe('timestamps, parsed once at the edge', () => {
  it.each(['since', 'until'])('refuses %s with an offset beyond ±15:59', async (field) => {
    const res = await api.http().get(`/api/audit?${field}=2030-01-01T00:00:00%2B20:00`).set(auditor);
    expectRefusal(res, field);
  });

  it('refuses a publishAt with an offset PostgreSQL cannot cast, and stores nothing', async () => {
    const id = await anArticle();
    const before = await eventCount();
    const res = await api
      .http()
      .post(`/api/articles/${id}/schedule`)
      .set(editor)
      .send({ publishAt: '2099-01-01T00:00:00+20:00' });
    expectRefusal(res, 'publishAt');
    expect(await eventCount()).toBe(before);
  });

  it('stores a publishAt and an embargo as UTC instants, whatever offset they came with', async () => {
    const res = await api
      .http()
      .post('/api/articles')
      .set(editor)
      .send({ headline: 'Harbour', embargoUntil: '2099-01-01T09:00:00+05:30' })
      .expect(201);
    const id = res.body.id;
    await api.http().post(`/api/articles/${id}/submit`).set(editor).expect(200);
    // Four-eyes: the editor wrote it, so a second person approves.
    const admin = { Authorization: `Bearer ${await api.tokenFor('admin')}` };
    await api.http().post(`/api/articles/${id}/approve`).set(admin).expect(200);
    await api
      .http()
      .post(`/api/articles/${id}/schedule`)
      .set(editor)
      .send({ publishAt: '2099-01-02T00:00:00-15:59' })
      .expect(200);

    const rows = await api.db.dataSource.query(
      `SELECT type, data FROM events WHERE stream_id = $1 AND type IN ('ArticleDrafted', 'PublicationScheduled')
       ORDER BY version`,
      [`article-${id}`],
    );
    expect(rows.map((r: any) => r.data.embargoUntil ?? r.data.publishAt)).toEqual([
      '2099-01-01T03:30:00.000Z',
      '2099-01-02T15:59:00.000Z',
    ]);
  });

  it('refuses an asOf PostgreSQL cannot cast', async () => {
    const id = await anArticle();
    expectRefusal(await api.http().get(`/api/articles/${id}?asOf=2030-02-30T00:00:00Z`).set(auditor), 'asOf');
  });
});

describe('waiting for a version', () => {
  it('answers at once, 409 with the stored version, when minVersion is beyond it', async () => {
    const id = await anArticle();
    const res = await api.http().get(`/api/articles/${id}?minVersion=1000000000`).set(editor);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ currentVersion: 1, details: [{ path: 'minVersion' }] });
  });

  it('answers 404 for minVersion on an article that does not exist', async () => {
    const res = await api.http().get(`/api/articles/${randomUUID()}?minVersion=1`).set(editor);
    expect(res.status).toBe(404);
  });
});

describe('idempotency keys over the canonical path', () => {
  it('replays a retry sent to another spelling of the same route', async () => {
    const id = await anArticle();
    const key = { 'Idempotency-Key': `submit-${id}` };
    const first = await api.http().post(`/api/articles/${id}/submit`).set(editor).set(key).expect(200);

    const retry = await api.http().post(`/api/articles/${id.toUpperCase()}/submit/`).set(editor).set(key);

    expect({ status: retry.status, body: retry.body }).toEqual({ status: 200, body: first.body });
  });
});
