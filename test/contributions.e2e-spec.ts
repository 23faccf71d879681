import { randomUUID } from 'node:crypto';
import type { SystemHarness } from '@newsroom/testing-system';
import { newsroomClient } from './newsroom.client';
import { startNewsroom } from './newsroom.harness';

// Issue #9 over HTTP, against the whole system: three reporters contribute to one story, the desk
// accepts two and rejects one, publishes, and the story credits exactly the two, in order.

let api: SystemHarness;
let client: ReturnType<typeof newsroomClient>;
beforeAll(async () => {
  api = await startNewsroom('contributions');
  client = newsroomClient(api);
});
afterAll(() => api.close());

/** A reporter account of this suite's own, signed in. */
async function aReporter(name: string) {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${randomUUID().slice(0, 6)}@newsroom.test`;
  const password = 'a long enough password';
  await api
    .http()
    .post('/api/admin/users')
    .set(await client.as('admin'))
    .send({ email, name, password, roles: ['reporter'] })
    .expect(201);
  const login = await api.http().post('/api/auth/login').send({ email, password }).expect(200);
  return { name, auth: { Authorization: `Bearer ${login.body.accessToken}` } };
}

async function contribute(articleId: string, reporter: { name: string; auth: Record<string, string> }, text: string) {
  const res = await api
    .http()
    .post(`/api/articles/${articleId}/contributions`)
    .set(reporter.auth)
    .send({
      blocks: [{ type: 'quote', text, attribution: 'a ferry captain' }],
      note: `From ${reporter.name}`,
      credit: { name: reporter.name, role: 'contributor', affiliation: 'Harbour Gazette' },
    });
  expect(res.status).toBe(201);
  expect(res.headers.location).toBe(`/api/contributions/${res.body.contributionId}`);
  return res.body.contributionId as string;
}

describe('reporters contributing to a colleague’s story', () => {
  it('credits exactly the two accepted contributors, in order, and its history shows both merges', async () => {
    const editor = await client.as('editor');
    const { body: draft } = await api
      .http()
      .post('/api/articles')
      .set(editor)
      .send({ headline: 'Ferries return', body: [{ type: 'paragraph', text: 'Ferries returned on Monday.' }] })
      .expect(201);
    const [ana, ben, cy] = await Promise.all(['Ana Quay', 'Ben Pier', 'Cy Dock'].map(aReporter));
    const [fromAna, fromBen, fromCy] = [
      await contribute(draft.id, ana!, 'We waited three weeks.'),
      await contribute(draft.id, ben!, 'The first boat left at six.'),
      await contribute(draft.id, cy!, 'Nobody told us.'),
    ];

    // The desk's inbox for the article, and a reporter's own list.
    const inbox = await api
      .http()
      .get(`/api/articles/${draft.id}/contributions?status=submitted`)
      .set(editor)
      .expect(200);
    expect(inbox.body.items.map((c: { contributionId: string }) => c.contributionId).sort()).toEqual(
      [fromAna, fromBen, fromCy].sort(),
    );
    const mine = await api.http().get('/api/contributions?mine=true').set(ben!.auth).expect(200);
    expect(mine.body.items.map((c: { contributionId: string }) => c.contributionId)).toEqual([fromBen]);
    await api.http().get(`/api/contributions/${fromAna}`).set(ben!.auth).expect(403);

    // A preview, then Ana's quote after the first paragraph, Ben's at the end; Cy's is rejected.
    const preview = await api.http().get(`/api/contributions/${fromAna}?afterBlock=0`).set(editor).expect(200);
    expect(preview.body.preview).toMatchObject({ atBlock: 0, before: [{ text: 'Ferries returned on Monday.' }] });
    expect(preview.body.preview.after.map((b: { text: string }) => b.text)).toEqual([
      'We waited three weeks.',
      'Ferries returned on Monday.',
    ]);
    const acceptedAna = await api
      .http()
      .post(`/api/contributions/${fromAna}/accept`)
      .set(editor)
      .send({ afterBlock: 1 });
    expect(acceptedAna.status).toBe(200);
    expect(acceptedAna.body).toMatchObject({ contributionId: fromAna, version: 2, articleVersion: 2 });
    await api.http().post(`/api/contributions/${fromBen}/accept`).set(editor).send({}).expect(200);
    await api.http().post(`/api/contributions/${fromCy}/reject`).set(editor).send({ reason: 'Unsourced.' }).expect(200);
    // Accepting twice is refused naming the status; the rejected one cannot be accepted.
    const again = await api.http().post(`/api/contributions/${fromAna}/accept`).set(editor).send({});
    expect(again.status).toBe(409);
    expect(JSON.stringify(again.body)).toContain('accepted');
    await api.http().post(`/api/contributions/${fromCy}/accept`).set(editor).send({}).expect(409);
    const cyView = await api.http().get(`/api/contributions/${fromCy}`).set(cy!.auth).expect(200);
    expect(cyView.body).toMatchObject({ status: 'rejected', rejection: { reason: 'Unsourced.' } });

    // Through review to publication: the admin approves what the editor last changed (four eyes).
    await api.http().post(`/api/articles/${draft.id}/submit`).set(editor).send({}).expect(200);
    await api
      .http()
      .post(`/api/articles/${draft.id}/approve`)
      .set(await client.as('admin'))
      .send({})
      .expect(200);
    const published = await api.http().post(`/api/articles/${draft.id}/publish`).set(editor).send({}).expect(200);

    const article = await client.articleAt(draft.id, published.body.version);
    expect(article.live.content.contributors.map((c: { name: string }) => c.name)).toEqual(['Ana Quay', 'Ben Pier']);
    expect(article.live.content.body.map((b: { text: string }) => b.text)).toEqual([
      'Ferries returned on Monday.',
      'We waited three weeks.',
      'The first boat left at six.',
    ]);
    const history = await client.historyAt(draft.id, published.body.version);
    const merges = history.filter((h: { type: string }) => h.type === 'ContributionMerged');
    expect(merges.map((m: { summary: string; actor: { name: string } }) => [m.summary, m.actor.name])).toEqual([
      ['Contribution merged: 1 block by Ana Quay, credited as Ana Quay', 'Eda Editor'],
      ['Contribution merged: 1 block by Ben Pier, credited as Ben Pier', 'Eda Editor'],
    ]);
  }, 120_000);
});
