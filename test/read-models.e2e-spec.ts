import { ARTICLE_STREAM_PREFIX } from '@newsroom/editorial-domain';
import { waitFor, wireStory } from '@newsroom/testing';
import type { SystemHarness } from '@newsroom/testing-system';
import { newsroomClient, type Role } from './newsroom.client';
import { startNewsroom } from './newsroom.harness';

let sys: SystemHarness;
let client: ReturnType<typeof newsroomClient>;
beforeAll(async () => {
  sys = await startNewsroom('read_models');
  client = newsroomClient(sys);
});
afterAll(() => sys.close());

const PUBLISH_AT = new Date(Date.now() + 3_600_000).toISOString();
const FIRST_BODY = [{ type: 'paragraph', text: 'Ministers met in London on Tuesday.' }];
const REVISED_BODY = [{ type: 'paragraph', text: 'Ministers met in Paris on Tuesday.' }];

/** One article through every command, and the article read model as it showed each version. */
interface Story {
  id: string;
  contributorId: string;
  photoId: string;
  views: Map<number, any>;
}

/** Sends one command, then waits for the article read model to show exactly that write, and keeps it. */
async function step(story: Story, role: Role, method: 'post' | 'patch' | 'delete', path: string, body?: object) {
  const req = sys
    .http()
    [method](`/api/articles${path}`)
    .set(await client.as(role));
  if (method === 'patch') req.set('If-Match', `"${story.views.size}"`);
  const res = await (body ? req.send(body) : req);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  story.id ||= res.body.id;
  story.views.set(res.body.version, await client.articleAt(story.id, res.body.version));
  return res.body;
}

async function writeTheStory(): Promise<Story> {
  const story: Story = { id: '', contributorId: '', photoId: '', views: new Map() };
  await step(story, 'reporter', 'post', '', { ...wireStory, body: FIRST_BODY }); // 1
  const id = story.id;
  story.contributorId = (
    await step(story, 'reporter', 'post', `/${id}/contributors`, {
      name: 'Tomas Berg',
      role: 'contributor',
      affiliation: 'Newsroom wire',
    })
  ).contributorId; // 2
  story.photoId = (
    await step(story, 'reporter', 'post', `/${id}/photos`, {
      url: 'https://img.example.com/a.jpg',
      caption: 'Harbour',
      credit: 'Sigrun Vik/North Agency',
    })
  ).photoId; // 3
  await step(story, 'reporter', 'patch', `/${id}/photos/${story.photoId}`, { caption: 'The harbour at dawn' }); // 4
  await step(story, 'reporter', 'post', `/${id}/contributors`, {
    name: 'Sigrun Vik',
    role: 'photographer',
    affiliation: 'North Agency',
  }); // 5
  await step(story, 'reporter', 'delete', `/${id}/contributors/${story.contributorId}`); // 6
  await step(story, 'reporter', 'post', `/${id}/submit`); // 7
  await step(story, 'editor', 'post', `/${id}/request-changes`, { note: 'Tighten the standfirst.' }); // 8
  await step(story, 'reporter', 'patch', `/${id}`, { standfirst: 'Shorter.', body: REVISED_BODY }); // 9
  await step(story, 'reporter', 'delete', `/${id}/photos/${story.photoId}`); // 10
  await step(story, 'reporter', 'post', `/${id}/submit`); // 11
  await step(story, 'editor', 'post', `/${id}/approve`); // 12
  await step(story, 'editor', 'post', `/${id}/schedule`, { publishAt: PUBLISH_AT }); // 13
  await step(story, 'editor', 'post', `/${id}/unschedule`); // 14
  await step(story, 'editor', 'post', `/${id}/publish`, {}); // 15
  await step(story, 'editor', 'post', `/${id}/corrections`, {
    text: 'An earlier version misspelt a name.',
    kind: 'correction',
  }); // 16
  await step(story, 'editor', 'post', `/${id}/unpublish`, { reason: 'Legal review' }); // 17
  return story;
}

const LAST_VERSION = 17;
const REPORTER = { name: 'Rey Reporter', role: 'reporter' };
const EDITOR = { name: 'Eda Editor', role: 'editor' };

describe('every command reaches the read models', () => {
  let story: Story;
  beforeAll(async () => {
    story = await writeTheStory();
  });

  it('shows each write in the article read model at its own version', () => {
    expect([...story.views.keys()]).toEqual(Array.from({ length: LAST_VERSION }, (_, i) => i + 1));
    expect([...story.views.values()].map((v) => v.status)).toEqual([
      ...Array(6).fill('draft'),
      'in_review',
      'changes_requested',
      'changes_requested',
      'changes_requested',
      'in_review',
      'approved',
      'scheduled',
      'approved',
      'published',
      'published',
      'unpublished',
    ]);
    expect(story.views.get(LAST_VERSION)).toMatchObject({
      version: LAST_VERSION,
      status: 'unpublished',
      working: {
        headline: wireStory.headline,
        standfirst: 'Shorter.',
        body: REVISED_BODY,
        contributors: [
          expect.objectContaining({ name: 'Sigrun Vik', role: 'photographer', affiliation: 'North Agency' }),
        ],
        photos: [],
      },
      corrections: [expect.objectContaining({ text: 'An earlier version misspelt a name.', kind: 'correction' })],
    });
  });

  it('records every version in the audit trail with its actor and summary', async () => {
    const items = await client.historyAt(story.id, LAST_VERSION);
    expect(items.map(({ version, type, actor, summary }: any) => ({ version, type, actor, summary }))).toEqual(
      [
        ['ArticleDrafted', REPORTER, `Article drafted: “${wireStory.headline}”`],
        ['ContributorAdded', REPORTER, 'Contributor credit added: Tomas Berg (Newsroom wire)'],
        ['PhotoAttached', REPORTER, 'Photo attached: Sigrun Vik/North Agency'],
        ['PhotoUpdated', REPORTER, 'Photo caption changed'],
        ['ContributorAdded', REPORTER, 'Photographer credit added: Sigrun Vik (North Agency)'],
        ['ContributorRemoved', REPORTER, 'Contributor removed: Tomas Berg, contributor'],
        ['SubmittedForReview', REPORTER, 'Submitted for review'],
        ['ChangesRequested', EDITOR, 'Changes requested: Tighten the standfirst.'],
        ['ArticleRevised', REPORTER, 'Standfirst and body changed'],
        ['PhotoDetached', REPORTER, 'Photo detached: Sigrun Vik/North Agency'],
        ['SubmittedForReview', REPORTER, 'Submitted for review'],
        ['ArticleApproved', EDITOR, 'Approved'],
        ['PublicationScheduled', EDITOR, `Scheduled for ${PUBLISH_AT}`],
        ['ScheduleCancelled', EDITOR, 'Schedule cancelled'],
        ['ArticlePublished', EDITOR, 'Published v14 — first publication'],
        ['CorrectionIssued', EDITOR, 'Correction issued: An earlier version misspelt a name.'],
        ['ArticleUnpublished', EDITOR, 'Unpublished: Legal review'],
      ].map(([type, actor, summary], i) => ({
        version: i + 1,
        type,
        actor: expect.objectContaining(actor),
        summary,
      })),
    );
    expect(items[8].changes).toEqual([
      { field: 'standfirst', before: wireStory.standfirst, after: 'Shorter.' },
      { field: 'body', before: FIRST_BODY, after: REVISED_BODY },
    ]);
  });

  it('time-travels: versions/:n equals what the read model showed at version n, for every n', async () => {
    const auditor = await client.as('auditor');
    for (const [n, view] of story.views) {
      const past = await sys.http().get(`/api/articles/${story.id}/versions/${n}`).set(auditor).expect(200);
      expect(past.body).toEqual(view);
    }
  });

  it('shows the article as it was at an instant with asOf', async () => {
    const v3 = story.views.get(3);
    // Version 4 was sent only once version 3 showed in the read model, so it is later than this instant.
    expect(Date.parse(story.views.get(4).updatedAt)).toBeGreaterThan(Date.parse(v3.updatedAt));
    const asOf = await sys
      .http()
      .get(`/api/articles/${story.id}?asOf=${encodeURIComponent(v3.updatedAt)}`)
      .set(await client.as('auditor'))
      .expect(200);
    expect(asOf.body).toEqual(v3);
  });

  it('diffs two versions field by field and word by word', async () => {
    const res = await sys
      .http()
      .get(`/api/articles/${story.id}/diff?from=1&to=9`)
      .set(await client.as('auditor'))
      .expect(200);
    const [v1, v9] = [story.views.get(1), story.views.get(9)];
    expect(res.body).toEqual({
      id: story.id,
      from: 1,
      to: 9,
      changes: [
        { field: 'standfirst', before: wireStory.standfirst, after: 'Shorter.' },
        { field: 'body', before: FIRST_BODY, after: REVISED_BODY },
        { field: 'contributors', before: [], after: v9.working.contributors },
        { field: 'photos', before: [], after: v9.working.photos },
        { field: 'status', before: 'draft', after: 'changes_requested' },
      ],
      body: [
        { op: 'equal', text: 'Ministers met in ' },
        { op: 'delete', text: 'London' },
        { op: 'insert', text: 'Paris' },
        { op: 'equal', text: ' on Tuesday.' },
      ],
    });
    expect(v1.working.contributors).toEqual([]);
    expect(v9.working.contributors).toEqual([
      { contributorId: expect.any(String), name: 'Sigrun Vik', role: 'photographer', affiliation: 'North Agency' },
    ]);
    expect(v9.working.photos).toEqual([
      {
        photoId: story.photoId,
        url: 'https://img.example.com/a.jpg',
        caption: 'The harbour at dawn',
        credit: 'Sigrun Vik/North Agency',
      },
    ]);
  });

  it('lists and finds the article by status, section, contributor and words', async () => {
    await client.caughtUp('article_list', 'contributor_index');
    const find = async (query: string) =>
      (
        await sys
          .http()
          .get(`/api/articles?${query}`)
          .set(await client.as('editor'))
          .expect(200)
      ).body.items
        .filter((i: { id: string }) => i.id === story.id)
        .map((i: { id: string; version: number }) => [i.id, i.version]);
    const found = [[story.id, LAST_VERSION]];
    expect(await find('status=unpublished')).toEqual(found);
    expect(await find('status=draft')).toEqual([]);
    expect(await find('section=World')).toEqual(found);
    expect(await find('section=Sport')).toEqual([]);
    expect(await find('contributor=sigrun%20vik')).toEqual(found);
    expect(await find('contributor=tomas%20berg')).toEqual([]);
    expect(await find('q=FISHING%20QUOTAS')).toEqual(found);
    expect(await find('q=cricket')).toEqual([]);
  });

  it('shows who changed the article last, and counts it under its status for the same filters', async () => {
    await client.caughtUp('article_list', 'contributor_index');
    const editor = await client.as('editor');
    const listed = await sys.http().get('/api/articles?status=unpublished&section=World').set(editor).expect(200);
    expect(listed.body.items.find((i: { id: string }) => i.id === story.id)).toMatchObject({
      updatedBy: { name: EDITOR.name, role: EDITOR.role },
      publishAt: null,
    });
    const counts = async (query: string) =>
      (await sys.http().get(`/api/articles/counts?${query}`).set(editor).expect(200)).body;
    const everything = await counts('');
    const [{ n }] = await sys.db.dataSource.query(`SELECT count(*)::int AS n FROM article_list WHERE status = $1`, [
      'unpublished',
    ]);
    expect(everything.byStatus.unpublished).toBe(n);
    expect(everything.total).toBe(Object.values(everything.byStatus).reduce((a: number, b) => a + (b as number), 0));
    expect((await counts('contributor=sigrun%20vik&q=fishing%20quotas')).byStatus).toMatchObject({
      unpublished: 1,
      draft: 0,
    });
    expect((await counts('section=Sport')).total).toBe(0);
    const tooLong = await sys
      .http()
      .get(`/api/articles/counts?q=${'x'.repeat(201)}`)
      .set(editor)
      .expect(400);
    expect(tooLong.body.details).toEqual([expect.objectContaining({ path: 'q' })]);
  });

  it('serves the newsroom-wide audit log by actor and type', async () => {
    await client.historyAt(story.id, LAST_VERSION);
    const reporter = (
      await sys.http().post('/api/auth/login').send({ email: 'reporter@newsroom.test', password: 'newsroom' })
    ).body.user;
    const log = await sys
      .http()
      .get(`/api/audit?actor=${reporter.id}&type=ContributorAdded`)
      .set(await client.as('auditor'))
      .expect(200);
    expect(
      log.body.items.map(({ articleId, version, type, actor }: any) => ({ articleId, version, type, actor })),
    ).toEqual(
      [2, 5].map((version) => ({
        articleId: story.id,
        version,
        type: 'ContributorAdded',
        actor: { id: reporter.id, ...REPORTER },
      })),
    );
    expect(log.body.nextCursor).toBeNull();
  });

  it('serves the audit log of one article, and by the role the actor acted in', async () => {
    const items = await client.historyAt(story.id, LAST_VERSION);
    const auditor = await client.as('auditor');
    const page = async (query: string) =>
      (await sys.http().get(`/api/audit?${query}`).set(auditor).expect(200)).body.items.map(
        ({ articleId, version }: { articleId: string; version: number }) => [articleId, version],
      );
    const all = items.map((i: { version: number }) => [story.id, i.version]);
    expect(await page(`article=${story.id}&limit=500`)).toEqual(all);
    const byReporter = items.filter((i: { actor: { role: string } }) => i.actor.role === 'reporter');
    expect(byReporter.length).toBeGreaterThan(0);
    expect(await page(`article=${story.id}&role=reporter&limit=500`)).toEqual(
      byReporter.map((i: { version: number }) => [story.id, i.version]),
    );
    expect(await page(`article=${story.id}&role=auditor`)).toEqual([]);
    await sys.http().get('/api/audit?article=not-a-uuid').set(auditor).expect(400);
    await sys.http().get('/api/audit?role=owner').set(auditor).expect(400);
  });

  it('exports the whole audit log as NDJSON and CSV, one line per version', async () => {
    const items = await client.historyAt(story.id, LAST_VERSION);
    const auditor = await client.as('auditor');
    const ndjson = await sys.http().get('/api/audit/export?format=ndjson').set(auditor).expect(200);
    const lines = ndjson.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.articleId === story.id)).toEqual(items);
    const csv = await sys.http().get('/api/audit/export?format=csv').set(auditor).expect(200);
    const [header, ...rows] = csv.text.trim().split('\n');
    expect(header).toBe('occurredAt,articleId,version,type,actorId,actorName,actorRole,summary,changes,contributionId');
    // occurredAt holds no comma, so the next three cells are the 2nd to 4th comma-separated pieces.
    const cells = rows.map((r) => r.split(',').slice(1, 4)).filter(([articleId]) => articleId === `"${story.id}"`);
    expect(cells).toEqual(items.map((i: any) => [`"${story.id}"`, `"${i.version}"`, `"${i.type}"`]));
  });
});

describe('operating the read models', () => {
  it('names every projection in its status report', async () => {
    const statuses = await sys
      .http()
      .get('/api/admin/projections')
      .set(await client.as('admin'))
      .expect(200);
    expect(statuses.body.map((s: { name: string }) => s.name)).toEqual([
      'article_state',
      'audit_trail',
      'article_list',
      'contributor_index',
      'public_articles',
      'contribution_list',
      'contribution_audit',
      'contributor_ledger',
    ]);
  });

  it('rebuilds a read model in the background to the same content, its progress in the status', async () => {
    const { body: draft } = await sys
      .http()
      .post('/api/articles')
      .set(await client.as('editor'))
      .send({ headline: 'Rebuilt from its events' })
      .expect(201);
    const before = await client.articleAt(draft.id, 1);
    // A rebuild replays article events; account events (the seeded users') are no article's.
    const [stored] = await sys.db.dataSource.query(
      `SELECT count(*)::int AS n FROM events WHERE starts_with(stream_id, $1)`,
      [ARTICLE_STREAM_PREFIX],
    );
    const admin = await client.as('admin');
    const accepted = await sys.http().post('/api/admin/projections/article_state/rebuild').set(admin).expect(202);
    expect(accepted.body.items).toEqual([{ name: 'article_state', state: 'replay' }]);
    const rebuild = await waitFor(
      'the rebuild to finish',
      async () => {
        const { body } = await sys.http().get('/api/admin/projections').set(admin).expect(200);
        const status = body.find((s: { name: string }) => s.name === 'article_state');
        return status.rebuild?.state === 'done' && status.rebuild;
      },
      60_000,
      200,
    );
    expect(rebuild).toMatchObject({ events: stored.n, total: stored.n, finishedAt: expect.any(String) });
    expect(rebuild.result).toMatchObject({ name: 'article_state', events: stored.n, contentHash: expect.any(String) });
    expect(rebuild.result.contentHash).toBe(rebuild.result.replacedContentHash);
    expect(await client.articleAt(draft.id, 1)).toEqual(before);
  });

  it('refuses a rebuild to anyone but an admin, and of a read model that does not exist', async () => {
    const rebuild = async (name: string, role: Role) =>
      (
        await sys
          .http()
          .post(`/api/admin/projections/${name}/rebuild`)
          .set(await client.as(role))
      ).status;
    expect(await rebuild('article_state', 'editor')).toBe(403);
    expect(await rebuild('nope', 'admin')).toBe(404);
  });

  it('lists the dead letters to admins', async () => {
    const res = await sys
      .http()
      .get('/api/admin/dead-letters')
      .set(await client.as('admin'))
      .expect(200);
    expect(res.body.items).toEqual([]);
  });
});
