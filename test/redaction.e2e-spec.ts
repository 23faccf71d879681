import type { SystemHarness } from '@newsroom/testing-system';
import { newsroomClient } from './newsroom.client';
import { startNewsroom } from './newsroom.harness';

// Issue #12 over HTTP, on PostgreSQL and Kafka: an admin orders a source's name removed from a
// published story; every version then reads it as redacted, the story is re-issued without it, and
// every proof still holds.

const SOURCE = 'Ada Lindqvist';
const ORDER = { reason: 'Court order protecting a source', legalBasis: 'Contempt of Court Act 1981, s.10' };

let api: SystemHarness;
let client: ReturnType<typeof newsroomClient>;
beforeAll(async () => {
  api = await startNewsroom('redaction');
  client = newsroomClient(api);
});
afterAll(() => api.close());

const http = () => api.http();
const redact = async (id: string, passage: string, reference = 'HC-2030-0117') =>
  http()
    .post(`/api/articles/${id}/redactions`)
    .set(await client.as('admin'))
    .send({ passage, ...ORDER, reference });

/** A story that names its source in a paragraph, a quote's attribution, a photo and a correction. */
async function publishedStory(): Promise<string> {
  const reporter = await client.as('reporter');
  const editor = await client.as('editor');
  const { body } = await http()
    .post('/api/articles')
    .set(reporter)
    .send({
      headline: 'Quota plan leaked',
      body: [
        { type: 'paragraph', text: `The plan was passed to us by ${SOURCE} at the harbour.` },
        { type: 'quote', text: 'We will not stop fishing.', attribution: `${SOURCE}, harbour master` },
      ],
    })
    .expect(201);
  const id: string = body.id;
  await http()
    .post(`/api/articles/${id}/photos`)
    .set(reporter)
    .send({ url: 'https://images.example.com/quay.jpg', caption: `${SOURCE} at the quay`, credit: 'Pat Photographer' })
    .expect(201);
  await http().post(`/api/articles/${id}/submit`).set(reporter).expect(200);
  await http().post(`/api/articles/${id}/approve`).set(editor).expect(200);
  await http().post(`/api/articles/${id}/publish`).set(editor).send({}).expect(200);
  await http()
    .post(`/api/articles/${id}/corrections`)
    .set(editor)
    .send({ text: `An earlier version misspelt ${SOURCE}.`, kind: 'correction' })
    .expect(200);
  return id;
}

describe('who may order a redaction', () => {
  let id: string;
  beforeAll(async () => {
    id = await publishedStory();
  });

  it.each(['reporter', 'editor', 'auditor'] as const)('refuses the %s', async (role) => {
    const send = { passage: SOURCE, ...ORDER, reference: 'R-1' };
    const auth = await client.as(role);
    await http().post(`/api/articles/${id}/redactions`).set(auth).send(send).expect(403);
    await http().get(`/api/articles/${id}/redactions`).set(auth).expect(403);
  });

  it('refuses a caller without a token', async () => {
    await http()
      .post(`/api/articles/${id}/redactions`)
      .send({ passage: SOURCE, ...ORDER, reference: 'R' })
      .expect(401);
    await http().get(`/api/articles/${id}/redactions`).expect(401);
  });

  it('answers 400 naming the passage when it occurs nowhere, and writes nothing', async () => {
    const before = await client.storedVersion(id);
    const res = await redact(id, 'Nobody Atall');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'PASSAGE_NOT_FOUND', details: [{ path: 'passage' }] });
    expect(await client.storedVersion(id)).toBe(before);
  });

  it('answers 400 naming each missing field', async () => {
    const res = await http()
      .post(`/api/articles/${id}/redactions`)
      .set(await client.as('admin'))
      .send({ reason: 'Court order' })
      .expect(400);
    const paths = (res.body.details as Array<{ path: string }>).map((d) => d.path);
    expect(new Set(paths)).toEqual(new Set(['passage', 'legalBasis', 'reference']));
  });
});

describe('a redaction of a published story', () => {
  let id: string;
  let version: number;
  let redactionId: string;
  beforeAll(async () => {
    id = await publishedStory();
    version = await client.storedVersion(id);
    const res = await redact(id, SOURCE);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'redacted', version: version + 1 });
    redactionId = res.body.redactionId;
  });

  it('re-issues the working copy, the live story and the corrections without it, keeping the rest', async () => {
    const article = await client.articleAt(id, version + 1);
    expect(JSON.stringify(article)).not.toContain(SOURCE);
    expect(article.working.body).toEqual([
      { type: 'paragraph', text: 'The plan was passed to us by at the harbour.' },
      { type: 'quote', text: 'We will not stop fishing.', attribution: 'harbour master' },
    ]);
    expect(article.working.photos[0]).toMatchObject({ caption: 'at the quay', credit: 'Pat Photographer' });
    expect(article.live.content.body[1]).toMatchObject({ attribution: 'harbour master' });
    expect(article.corrections[0].text).toBe('An earlier version misspelt.');
  });

  it('shows the field of an earlier version as redacted, with the order, never the text', async () => {
    const first = await http()
      .get(`/api/articles/${id}/versions/1`)
      .set(await client.as('auditor'))
      .expect(200);
    expect(JSON.stringify(first.body)).not.toContain(SOURCE);
    expect(first.body.working.body[0].text).toEqual({
      $redacted: expect.objectContaining({ redactionId, legalBasis: ORDER.legalBasis, reference: 'HC-2030-0117' }),
    });
    // The headline never held the passage: its key lives on.
    expect(first.body.working.headline).toBe('Quota plan leaked');
  });

  it('still verifies: destroying keys changes no stored byte', async () => {
    const verified = await http()
      .get(`/api/articles/${id}/verify`)
      .set(await client.as('auditor'))
      .expect(200);
    expect(verified.body).toMatchObject({ valid: true, events: version + 1 });
  });

  it('is listed with who, when and why, and never the passage', async () => {
    const res = await http()
      .get(`/api/articles/${id}/redactions`)
      .set(await client.as('admin'))
      .expect(200);
    expect(res.body).toEqual([
      expect.objectContaining({
        redactionId,
        status: 'redacted',
        ...ORDER,
        reference: 'HC-2030-0117',
        requestedBy: expect.objectContaining({ name: expect.any(String) }),
        confirmedBy: res.body[0].requestedBy,
        fields: expect.any(Number),
      }),
    ]);
    // The draft's paragraph and attribution, the photo's caption, the correction.
    expect(res.body[0].fields).toBe(4);
    expect(JSON.stringify(res.body)).not.toContain(SOURCE);
  });

  it('leaves no key of a field that held the passage, and a tombstone naming the order for each', async () => {
    const [{ destroyed }] = await api.db.dataSource.query(
      `SELECT count(*)::int AS destroyed FROM field_key_tombstones WHERE redaction_id = $1`,
      [redactionId],
    );
    const res = await http()
      .get(`/api/articles/${id}/redactions`)
      .set(await client.as('admin'));
    expect(destroyed).toBe(res.body[0].fields);
  });
});

describe('two redactions of overlapping passages at once', () => {
  it('both take effect', async () => {
    const reporter = await client.as('reporter');
    const { body } = await http()
      .post('/api/articles')
      .set(reporter)
      .send({
        headline: 'Harbour dispute',
        standfirst: 'Anna Berg met reporters on Monday.',
        body: [
          { type: 'paragraph', text: 'Anna Berg met Carl Dahl at the quay.' },
          { type: 'quote', text: 'No comment.', attribution: 'a lawyer who met Carl Dahl' },
        ],
      })
      .expect(201);
    const id: string = body.id;
    const admin = await client.as('admin');
    const order = (passage: string, reference: string) =>
      http()
        .post(`/api/articles/${id}/redactions`)
        .set(admin)
        .send({ passage, ...ORDER, reference });
    const [first, second] = await Promise.all([order('Anna Berg met', 'R-1'), order('met Carl Dahl', 'R-2')]);
    expect([first.status, second.status]).toEqual([201, 201]);
    const latest = await client.storedVersion(id);
    expect(latest).toBe(3);
    const now = await http()
      .get(`/api/articles/${id}/versions/${latest}`)
      .set(await client.as('auditor'))
      .expect(200);
    for (const passage of ['Anna Berg met', 'met Carl Dahl']) expect(JSON.stringify(now.body)).not.toContain(passage);
    const draft = await http()
      .get(`/api/articles/${id}/versions/1`)
      .set(await client.as('auditor'))
      .expect(200);
    for (const passage of ['Anna Berg met', 'met Carl Dahl']) expect(JSON.stringify(draft.body)).not.toContain(passage);
    const orders = await http()
      .get(`/api/articles/${id}/redactions`)
      .set(await client.as('admin'))
      .expect(200);
    expect(orders.body.map((o: { status: string }) => o.status)).toEqual(['redacted', 'redacted']);
    await http()
      .get(`/api/articles/${id}/verify`)
      .set(await client.as('auditor'))
      .expect(200)
      .expect(({ body: v }) => expect(v.valid).toBe(true));
  });
});
