import { wireStory } from '@newsroom/testing';
import type { SystemHarness } from '@newsroom/testing-system';
import { startNewsroom } from './newsroom.harness';

let sys: SystemHarness;
beforeAll(async () => {
  sys = await startNewsroom('read_models');
});
afterAll(() => sys.close());

type Role = 'editor' | 'reporter' | 'auditor' | 'admin';
const as = async (role: Role) => ({ Authorization: `Bearer ${await sys.tokenFor(role)}` });
const read = async (id: string, minVersion: number) =>
  (
    await sys
      .http()
      .get(`/api/articles/${id}?minVersion=${minVersion}`)
      .set(await as('auditor'))
      .expect(200)
  ).body;
const history = async (id: string) =>
  (
    await sys
      .http()
      .get(`/api/articles/${id}/history`)
      .set(await as('auditor'))
      .expect(200)
  ).body.items;

describe('every command reaches the read models', () => {
  const recorded = new Map<number, unknown>();
  let id: string;

  /** Sends one command, then reads its own write through the read model and records that state. */
  async function step(role: Role, method: 'post' | 'patch' | 'delete', path: string, body?: object) {
    const req = sys
      .http()
      [method](`/api/articles${path}`)
      .set(await as(role));
    const res = await (body ? req.send(body) : req);
    expect(res.status).toBeLessThan(300);
    const state = await read(res.body.id, res.body.version);
    expect(state.version).toBe(res.body.version);
    recorded.set(res.body.version, state);
    return res.body;
  }

  it('shows each write in the article read model and the audit trail, with the right actor and changes', async () => {
    id = (await step('reporter', 'post', '', wireStory)).id;
    const { contributorId } = await step('reporter', 'post', `/${id}/contributors`, {
      name: 'Tomas Berg',
      role: 'contributor',
      affiliation: 'Newsroom wire',
    });
    const { photoId } = await step('reporter', 'post', `/${id}/photos`, {
      url: 'https://img.example.com/a.jpg',
      caption: 'Harbour',
      credit: 'Sigrun Vik/North Agency',
    });
    await step('reporter', 'patch', `/${id}/photos/${photoId}`, { caption: 'The harbour at dawn' });
    await step('reporter', 'post', `/${id}/contributors`, {
      name: 'Sigrun Vik',
      role: 'photographer',
      affiliation: 'North Agency',
    });
    await step('reporter', 'delete', `/${id}/contributors/${contributorId}`);
    await step('reporter', 'post', `/${id}/submit`);
    await step('editor', 'post', `/${id}/request-changes`, { note: 'Tighten the standfirst.' });
    const current = (await read(id, 8)).version;
    const patch = await sys
      .http()
      .patch(`/api/articles/${id}`)
      .set(await as('reporter'))
      .set('If-Match', `"${current}"`)
      .send({ standfirst: 'Shorter.' });
    expect(patch.status).toBe(200);
    recorded.set(patch.body.version, await read(id, patch.body.version));
    await step('reporter', 'delete', `/${id}/photos/${photoId}`);
    await step('reporter', 'post', `/${id}/submit`);
    await step('editor', 'post', `/${id}/approve`);
    await step('editor', 'post', `/${id}/schedule`, { publishAt: new Date(Date.now() + 3_600_000).toISOString() });
    await step('editor', 'post', `/${id}/unschedule`);
    await step('editor', 'post', `/${id}/publish`, {});
    await step('editor', 'post', `/${id}/corrections`, {
      text: 'An earlier version misspelt a name.',
      kind: 'correction',
    });
    const last = await step('editor', 'post', `/${id}/unpublish`, { reason: 'Legal review' });

    const items = await history(id);
    expect(items.map((i: { version: number }) => i.version)).toEqual(
      Array.from({ length: last.version }, (_, i) => i + 1),
    );
    const byType = (t: string) => items.filter((i: { type: string }) => i.type === t);
    expect(byType('ArticleDrafted')[0].actor).toMatchObject({ name: 'Rey Reporter', role: 'reporter' });
    expect(byType('ArticleRevised')[0].changes).toEqual([
      expect.objectContaining({ field: 'standfirst', before: wireStory.standfirst, after: 'Shorter.' }),
    ]);
    expect(byType('ContributorAdded')[1].summary).toMatch(/Sigrun Vik/);
    expect(byType('ArticlePublished')[0].actor).toMatchObject({ name: 'Eda Editor', role: 'editor' });
    expect(byType('ArticleUnpublished')[0].summary).toMatch(/Legal review/);
    const final = await read(id, last.version);
    expect(final).toMatchObject({
      status: 'unpublished',
      corrections: [expect.objectContaining({ kind: 'correction' })],
    });
  });

  it('time-travels: versions/:n equals the state recorded when version n was written', async () => {
    const versions = [...recorded.keys()].sort(() => Math.random() - 0.5).slice(0, 8);
    for (const n of versions) {
      const past = await sys
        .http()
        .get(`/api/articles/${id}/versions/${n}`)
        .set(await as('auditor'))
        .expect(200);
      expect(past.body).toEqual(recorded.get(n));
    }
  });

  it('shows the article as it was at an instant with asOf', async () => {
    const v3 = recorded.get(3) as { updatedAt: string };
    const asOf = await sys
      .http()
      .get(`/api/articles/${id}?asOf=${encodeURIComponent(v3.updatedAt)}`)
      .set(await as('auditor'))
      .expect(200);
    expect(asOf.body.version).toBeGreaterThanOrEqual(3);
    expect(asOf.body.version).toBeLessThan(5);
  });

  it('diffs two versions field by field and word by word', async () => {
    const res = await sys
      .http()
      .get(`/api/articles/${id}/diff?from=1&to=9`)
      .set(await as('auditor'))
      .expect(200);
    expect(res.body.changes.map((c: { field: string }) => c.field)).toEqual(
      expect.arrayContaining(['standfirst', 'contributors', 'photos']),
    );
    expect(Array.isArray(res.body.body)).toBe(true);
  });

  it('lists and finds the article by status, section, contributor and words', async () => {
    const find = async (query: string) =>
      (
        await sys
          .http()
          .get(`/api/articles?${query}`)
          .set(await as('editor'))
          .expect(200)
      ).body.items.map((i: { id: string }) => i.id);
    expect(await find('status=unpublished')).toContain(id);
    expect(await find('status=draft')).not.toContain(id);
    expect(await find('section=World')).toContain(id);
    expect(await find('contributor=sigrun%20vik')).toContain(id);
    expect(await find('q=FISHING%20QUOTAS')).toContain(id);
  });

  it('serves the newsroom-wide audit log by actor and type, and exports it as NDJSON and CSV', async () => {
    const reporter = (
      await sys.http().post('/api/auth/login').send({ email: 'reporter@newsroom.test', password: 'newsroom' })
    ).body.user;
    const log = await sys
      .http()
      .get(`/api/audit?actor=${reporter.id}&type=ContributorAdded`)
      .set(await as('auditor'))
      .expect(200);
    expect(log.body.items.length).toBeGreaterThanOrEqual(2);
    expect(
      log.body.items.every(
        (i: { actor: { id: string }; type: string }) => i.actor.id === reporter.id && i.type === 'ContributorAdded',
      ),
    ).toBe(true);
    const ndjson = await sys
      .http()
      .get('/api/audit/export?format=ndjson')
      .set(await as('auditor'))
      .expect(200);
    const lines = ndjson.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.articleId === id)).toHaveLength((await history(id)).length);
    const csv = await sys
      .http()
      .get('/api/audit/export?format=csv')
      .set(await as('auditor'))
      .expect(200);
    expect(csv.text.split('\n')[0]).toBe(
      'occurredAt,articleId,version,type,actorId,actorName,actorRole,summary,changes',
    );
  });
});

describe('operating the read models', () => {
  it('reports every projection caught up, and rebuilds one from the event store to the same content', async () => {
    const admin = await as('admin');
    const statuses = await sys.http().get('/api/admin/projections').set(admin).expect(200);
    expect(statuses.body.map((s: { name: string }) => s.name)).toEqual([
      'article_state',
      'audit_trail',
      'article_list',
      'contributor_index',
    ]);
    const rebuilt = await sys.http().post('/api/admin/projections/article_state/rebuild').set(admin).expect(200);
    const [result] = rebuilt.body.items;
    expect(result.events).toBeGreaterThan(0);
    expect(result.contentHash).toBe(result.replacedContentHash);
    expect(
      (
        await sys
          .http()
          .post('/api/admin/projections/article_state/rebuild')
          .set(await as('editor'))
      ).status,
    ).toBe(403);
    expect((await sys.http().post('/api/admin/projections/nope/rebuild').set(admin)).status).toBe(404);
  });

  it('lists the dead letters to admins', async () => {
    const res = await sys
      .http()
      .get('/api/admin/dead-letters')
      .set(await as('admin'))
      .expect(200);
    expect(res.body.items).toEqual([]);
  });
});
