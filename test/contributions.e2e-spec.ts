import { randomUUID } from 'node:crypto';
import { waitFor } from '@newsroom/testing';
import type { SystemHarness } from '@newsroom/testing-system';
import { newsroomClient } from './newsroom.client';
import { startNewsroom } from './newsroom.harness';

// Issue #9 over HTTP, against the whole system: three reporters contribute to one story, the desk
// accepts two and rejects one, publishes, and the story credits exactly the two, in order. The
// lists, the audit log and the contributor ledger (read models fed by the projector) agree.

const READ_MODEL_TIMEOUT_MS = 30_000;

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

type Auth = Record<string, string>;

/**
 * A list that shows the contributions at least at these versions: the read-your-write wait, one by
 * one; a wait that ran out of its bound (X-Read-Model-Version lower than asked) is asked again.
 */
async function listAfter(path: string, auth: Auth, written: Array<[cid: string, version: number]>) {
  let items: Array<{ contributionId: string; status: string }> = [];
  for (const [cid, version] of written) {
    const sep = path.includes('?') ? '&' : '?';
    items = await waitFor(
      `contribution ${cid} at version ${version} in ${path}`,
      async () => {
        const res = await api.http().get(`${path}${sep}contribution=${cid}&minVersion=${version}`).set(auth);
        expect(res.status).toBe(200);
        return Number(res.headers['x-read-model-version']) >= version ? res.body.items : undefined;
      },
      READ_MODEL_TIMEOUT_MS,
    );
  }
  return items;
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

/** The board card's count for an article, from the article list. */
async function openContributionsOf(articleId: string): Promise<number> {
  const editor = await client.as('editor');
  let item: { openContributions: number } | undefined;
  // The article list is its own read model: wait for the article to be listed at all.
  await waitFor(
    'the article listed',
    async () => {
      const res = await api.http().get('/api/articles?limit=100').set(editor).expect(200);
      item = res.body.items.find((i: { id: string }) => i.id === articleId);
      return item !== undefined;
    },
    READ_MODEL_TIMEOUT_MS,
  );
  return item!.openContributions;
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

    // The desk's inbox for the article, in the order received, and a reporter's own list.
    const submitted: Array<[string, number]> = [fromAna, fromBen, fromCy].map((cid) => [cid, 1]);
    const inbox = await listAfter(`/api/articles/${draft.id}/contributions?status=submitted`, editor, submitted);
    expect(inbox.map((c) => c.contributionId)).toEqual([fromAna, fromBen, fromCy]);
    const mine = await listAfter('/api/contributions?mine=true', ben!.auth, [[fromBen, 1]]);
    expect(mine.map((c) => c.contributionId)).toEqual([fromBen]);
    // A reporter's view of the inbox holds only their own; waiting names its field when half given.
    const cyInbox = await listAfter(`/api/articles/${draft.id}/contributions`, cy!.auth, [[fromCy, 1]]);
    expect(cyInbox.map((c) => c.contributionId)).toEqual([fromCy]);
    const halfWait = await api.http().get('/api/contributions?minVersion=1').set(ben!.auth).expect(400);
    expect(halfWait.body.details.map((d: { path: string }) => d.path)).toEqual(['contribution']);
    const beyond = await api.http().get(`/api/contributions?contribution=${fromBen}&minVersion=9`).set(ben!.auth);
    expect(beyond.status).toBe(409);
    // The board card's count: three waiting on the desk.
    expect(await openContributionsOf(draft.id)).toBe(3);
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

    // The lists: the desk's inbox and each reporter's own list show the outcomes.
    const decided: Array<[string, number]> = [fromAna, fromBen, fromCy].map((cid) => [cid, 2]);
    const outcomes = await listAfter(`/api/articles/${draft.id}/contributions`, editor, decided);
    expect(outcomes.map((c) => [c.contributionId, c.status])).toEqual([
      [fromAna, 'accepted'],
      [fromBen, 'accepted'],
      [fromCy, 'rejected'],
    ]);
    const cyList = await listAfter('/api/contributions?mine=true', cy!.auth, [[fromCy, 2]]);
    expect(cyList).toMatchObject([{ contributionId: fromCy, status: 'rejected', rejection: { reason: 'Unsourced.' } }]);
    expect(await openContributionsOf(draft.id)).toBe(0);

    // The audit log: every contribution event, linked to the article, beside the article's own.
    const auditor = await client.as('auditor');
    const contributionEntries = async () => {
      const res = await api.http().get(`/api/audit?article=${draft.id}&limit=500`).set(auditor).expect(200);
      return (res.body.items as Array<{ contributionId?: string; type: string; articleId: string }>).filter(
        (i) => i.contributionId,
      );
    };
    await waitFor(
      'six contribution events in the audit log',
      async () => (await contributionEntries()).length === 6,
      READ_MODEL_TIMEOUT_MS,
    );
    const entries = await contributionEntries();
    expect(entries.every((e) => e.articleId === draft.id)).toBe(true);
    expect(entries.filter((e) => e.contributionId === fromCy).map((e) => e.type)).toEqual([
      'ContributionSubmitted',
      'ContributionRejected',
    ]);
    expect(
      entries
        .filter((e) => e.type === 'ContributionAccepted')
        .map((e) => e.contributionId)
        .sort(),
    ).toEqual([fromAna, fromBen].sort());

    // The ledger: the published version credits Ana and Ben through their contributions, never Cy;
    // the working versions the merges made (2 and 3) were never published, so they are not in it.
    expect(article.live.version).toBeGreaterThan(3);
    const ledger = async (name: string, auth: Auth = editor) =>
      api
        .http()
        .get(`/api/contributors/${encodeURIComponent(name)}/credits`)
        .set(auth);
    await waitFor(
      'the publication in the ledger',
      async () => (await ledger('Ben Pier')).body.items?.length === 1,
      READ_MODEL_TIMEOUT_MS,
    );
    const anaCredits = await ledger('ana  QUAY', ana!.auth);
    expect(anaCredits.status).toBe(200);
    expect(anaCredits.body).toEqual({
      key: 'ana quay',
      items: [
        {
          articleId: draft.id,
          // The version whose content went live (the publishing event itself is the next one).
          articleVersion: article.live.version,
          publishedAt: article.live.publishedAt,
          headline: 'Ferries return',
          contributorId: expect.any(String),
          name: 'Ana Quay',
          role: 'contributor',
          affiliation: 'Harbour Gazette',
          contributionId: fromAna,
        },
      ],
      nextCursor: null,
    });
    expect((await ledger('Ben Pier')).body.items.map((i: { contributionId: string }) => i.contributionId)).toEqual([
      fromBen,
    ]);
    expect((await ledger('Cy Dock')).body.items).toEqual([]);
    expect((await ledger('Ben Pier', ana!.auth)).status).toBe(403);
    const badCursor = await api.http().get('/api/contributors/ben%20pier/credits?cursor=nonsense').set(editor);
    expect([badCursor.status, badCursor.body.details[0].path]).toEqual([400, 'cursor']);
    const tooLong = await ledger('x'.repeat(201));
    expect([tooLong.status, tooLong.body.details[0].path]).toEqual([400, 'key']);

    // Rebuilt from the event store, each new read model holds exactly what its consumer built.
    const admin = await client.as('admin');
    for (const name of ['contribution_list', 'contribution_audit', 'contributor_ledger']) {
      // A rebuild runs in the background: 202 at once, its outcome in the read model's status.
      await api.http().post(`/api/admin/projections/${name}/rebuild`).set(admin).expect(202);
      const rebuilt = await waitFor(
        `the rebuild of ${name}`,
        async () => {
          const { body } = await api.http().get('/api/admin/projections').set(admin).expect(200);
          const status = body.find((s: { name: string }) => s.name === name);
          return status.rebuild?.state === 'done' && status.rebuild;
        },
        60_000,
        200,
      );
      expect(rebuilt.result).toMatchObject({ name, contentHash: rebuilt.result.replacedContentHash });
    }
    expect((await ledger('Ana Quay')).body.items.map((i: { contributionId: string }) => i.contributionId)).toEqual([
      fromAna,
    ]);
  }, 300_000);
});
