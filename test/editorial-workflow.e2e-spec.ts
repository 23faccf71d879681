import type { SystemHarness } from '@newsroom/testing-system';
import { waitFor, wireStory, wireStoryBody, wireStoryContributors, wireStoryPhotos } from '@newsroom/testing';
import { startNewsroom } from './newsroom.harness';

let api: SystemHarness;
beforeAll(async () => {
  process.env.SCHEDULER_INTERVAL_MS = '200';
  api = await startNewsroom('workflow');
});
afterAll(() => api.close());

const as = async (role: 'editor' | 'reporter' | 'auditor' | 'admin') => ({
  Authorization: `Bearer ${await api.tokenFor(role)}`,
});
// The event store's own count: the truth, independent of how far the read models are.
const versionOf = async (id: string) =>
  (
    await api
      .http()
      .get(`/api/articles/${id}/verify`)
      .set(await as('auditor'))
  ).body.events;
/** Reads the article once the read model shows at least the version the event store has. */
const current = async (id: string, role: 'reporter' | 'auditor' | 'editor' = 'auditor') =>
  (
    await api
      .http()
      .get(`/api/articles/${id}?minVersion=${await versionOf(id)}`)
      .set(await as(role))
      .expect(200)
  ).body;

describe('a story from draft to publication', () => {
  let id: string;
  let version: number;

  it('lets a reporter draft a wire story, credit eight contributors and three photos, and submit it', async () => {
    const draft = await api
      .http()
      .post('/api/articles')
      .set(await as('reporter'))
      .send(wireStory);
    expect(draft.status).toBe(201);
    expect(draft.headers.location).toBe(`/api/articles/${draft.body.id}`);
    expect(draft.headers.etag).toBe('"1"');
    id = draft.body.id;

    for (const c of wireStoryContributors) {
      const res = await api
        .http()
        .post(`/api/articles/${id}/contributors`)
        .set(await as('reporter'))
        .send(c);
      expect(res.status).toBe(201);
      expect(res.body.contributorId).toMatch(/^[0-9a-f-]{36}$/);
    }
    const photoIds: string[] = [];
    for (const p of wireStoryPhotos) {
      const res = await api
        .http()
        .post(`/api/articles/${id}/photos`)
        .set(await as('reporter'))
        .send(p);
      expect(res.status).toBe(201);
      photoIds.push(res.body.photoId);
    }
    const body = await api
      .http()
      .patch(`/api/articles/${id}`)
      .set(await as('reporter'))
      .set('If-Match', '12')
      .send({ body: wireStoryBody(photoIds) });
    expect(body.status).toBe(200);
    expect(body.body.version).toBe(13);

    const submitted = await api
      .http()
      .post(`/api/articles/${id}/submit`)
      .set(await as('reporter'));
    expect(submitted.status).toBe(200);
    version = submitted.body.version;

    const article = await current(id, 'reporter');
    expect(article.status).toBe('in_review');
    expect(article.working.contributors).toHaveLength(8);
    expect(article.working.contributors.filter((c: { role: string }) => c.role === 'contributor')).toHaveLength(5);
    expect(article.working.photos.map((p: { credit: string }) => p.credit)).toContain(
      'Sigrun Vik/North Agency via Wire Images',
    );
    expect(article.working.body.filter((b: { type: string }) => b.type === 'subheading')).toHaveLength(3);
  });

  it('lets an editor request changes, the reporter revise and resubmit, and the editor approve', async () => {
    const requested = await api
      .http()
      .post(`/api/articles/${id}/request-changes`)
      .set(await as('editor'))
      .send({ note: 'Add the ratification timeline to the standfirst.' });
    expect(requested.status).toBe(200);
    const revised = await api
      .http()
      .patch(`/api/articles/${id}`)
      .set(await as('reporter'))
      .set('If-Match', `"${requested.body.version}"`)
      .send({ standfirst: 'Five countries settled a two-year dispute; parliaments vote next month.' });
    expect(revised.status).toBe(200);
    expect(
      (
        await api
          .http()
          .post(`/api/articles/${id}/submit`)
          .set(await as('reporter'))
      ).status,
    ).toBe(200);
    const approved = await api
      .http()
      .post(`/api/articles/${id}/approve`)
      .set(await as('editor'));
    expect(approved.status).toBe(200);
    version = approved.body.version;
  });

  it('refuses the reporter publishing and any write by an auditor with 403, storing nothing', async () => {
    const byReporter = await api
      .http()
      .post(`/api/articles/${id}/publish`)
      .set(await as('reporter'))
      .send({});
    expect(byReporter.status).toBe(403);
    expect(byReporter.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
    const byAuditor = await api
      .http()
      .post(`/api/articles/${id}/approve`)
      .set(await as('auditor'));
    expect(byAuditor.status).toBe(403);
    const draftByAuditor = await api
      .http()
      .post('/api/articles')
      .set(await as('auditor'))
      .send({ headline: 'Nope' });
    expect(draftByAuditor.status).toBe(403);
    expect(await versionOf(id)).toBe(version);
  });

  it('publishes for the editor, recording the exact version published, with a valid hash chain', async () => {
    const published = await api
      .http()
      .post(`/api/articles/${id}/publish`)
      .set(await as('editor'))
      .send({});
    expect(published.status).toBe(200);
    expect(published.body.version).toBe(version + 1);
    const article = await current(id);
    expect(article.status).toBe('published');
    expect(article.live.version).toBe(version);
    const verify = (
      await api
        .http()
        .get(`/api/articles/${id}/verify`)
        .set(await as('auditor'))
    ).body;
    expect(verify).toMatchObject({ valid: true, events: version + 1 });
  });

  it('keeps the live version while the working copy is edited, until the next publish', async () => {
    const v = await versionOf(id);
    await api
      .http()
      .patch(`/api/articles/${id}`)
      .set(await as('editor'))
      .set('If-Match', `${v}`)
      .send({ headline: 'Five nations agree fishing plan' })
      .expect(200);
    let article = await current(id);
    expect(article.live.content.headline).toBe(wireStory.headline);
    expect(article.working.headline).toBe('Five nations agree fishing plan');
    await api
      .http()
      .post(`/api/articles/${id}/publish`)
      .set(await as('editor'))
      .send({ updateKind: 'minor' })
      .expect(200);
    await api
      .http()
      .post(`/api/articles/${id}/corrections`)
      .set(await as('editor'))
      .send({ text: 'An earlier version misstated the number of countries.', kind: 'correction' })
      .expect(200);
    article = await current(id);
    expect(article.live.content.headline).toBe('Five nations agree fishing plan');
    expect(article.corrections).toHaveLength(1);
  });

  describe('refused requests leave the article untouched', () => {
    it.each([
      ['an unknown field', 'patch', '', { colour: 'red' }, 400, 'colour'],
      ['a headline of 301 characters', 'patch', '', { headline: 'x'.repeat(301) }, 400, 'headline'],
      ['an unknown contributor role', 'post', '/contributors', { name: 'A B', role: 'intern' }, 400, 'role'],
      ['a photo without a credit', 'post', '/photos', { url: 'https://x.example/a.jpg', caption: 'c' }, 400, 'credit'],
      [
        'a photo with a javascript: url',
        'post',
        '/photos',
        { url: 'javascript:alert(1)', caption: 'c', credit: 'd' },
        400,
        'url',
      ],
      ['a body block of an unknown type', 'patch', '', { body: [{ type: 'video', text: 'x' }] }, 400, 'body[0].type'],
      ['a paragraph without text', 'patch', '', { body: [{ type: 'paragraph' }] }, 400, 'body[0].text'],
      ['a correction of an unknown kind', 'post', '/corrections', { text: 'x', kind: 'retraction' }, 400, 'kind'],
    ])('refuses %s with 400 naming the field', async (_, method, path, body, status, field) => {
      const before = await versionOf(id);
      const req =
        method === 'patch'
          ? api.http().patch(`/api/articles/${id}${path}`).set('If-Match', `${before}`)
          : api.http().post(`/api/articles/${id}${path}`);
      const res = await req.set(await as('editor')).send(body);
      expect(res.status).toBe(status);
      expect(res.body.details.map((d: { path: string }) => d.path)).toContain(field);
      expect(await versionOf(id)).toBe(before);
    });

    it('answers 412 with the current version to a stale If-Match, and 428 to a PATCH without one', async () => {
      const current = await versionOf(id);
      const stale = await api
        .http()
        .patch(`/api/articles/${id}`)
        .set(await as('editor'))
        .set('If-Match', '"1"')
        .send({ headline: 'Stale' });
      expect(stale.status).toBe(412);
      expect(stale.body.currentVersion).toBe(current);
      const missing = await api
        .http()
        .patch(`/api/articles/${id}`)
        .set(await as('editor'))
        .send({ headline: 'Blind' });
      expect(missing.status).toBe(428);
      expect(await versionOf(id)).toBe(current);
    });

    it('answers 409 naming the current status to an invalid transition', async () => {
      const res = await api
        .http()
        .post(`/api/articles/${id}/approve`)
        .set(await as('editor'));
      expect(res.status).toBe(409);
      expect(res.body.message).toMatch(/published/);
    });

    it('answers 401 without a token, 404 for an unknown article and 413 for an oversized body', async () => {
      expect((await api.http().get(`/api/articles/${id}`)).status).toBe(401);
      expect(
        (
          await api
            .http()
            .get('/api/articles/4b8c2d7e-1f3a-4c5b-9d6e-7f8a9b0c1d2e')
            .set(await as('editor'))
        ).status,
      ).toBe(404);
      const huge = await api
        .http()
        .post('/api/articles')
        .set(await as('editor'))
        .send({ headline: 'Big', standfirst: 'x'.repeat(400_000) });
      expect(huge.status).toBe(413);
      expect(huge.body).toMatchObject({ statusCode: 413 });
    });
  });
});

describe('idempotent retries', () => {
  it('returns the first answer to a retried draft and stores one article', async () => {
    const key = `draft-${Date.now()}`;
    const first = await api
      .http()
      .post('/api/articles')
      .set(await as('reporter'))
      .set('Idempotency-Key', key)
      .send({ headline: 'Once only' });
    const retry = await api
      .http()
      .post('/api/articles')
      .set(await as('reporter'))
      .set('Idempotency-Key', key)
      .send({ headline: 'Once only' });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    const other = await api
      .http()
      .post('/api/articles')
      .set(await as('reporter'))
      .set('Idempotency-Key', key)
      .send({ headline: 'Something else' });
    expect(other.status).toBe(422);
  });
});

describe('scheduled publication', () => {
  it('is published by the scheduler at its time, linked to the editor who scheduled it', async () => {
    const editor = await as('editor');
    const { body: draft } = await api
      .http()
      .post('/api/articles')
      .set(editor)
      .send({ headline: 'Results at noon' })
      .expect(201);
    await api.http().post(`/api/articles/${draft.id}/submit`).set(editor).expect(200);
    await api.http().post(`/api/articles/${draft.id}/approve`).set(editor).expect(200);
    const publishAt = new Date(Date.now() + 1500).toISOString();
    await api.http().post(`/api/articles/${draft.id}/schedule`).set(editor).send({ publishAt }).expect(200);

    const published = await waitFor(
      'the scheduler to publish',
      async () => {
        const res = await api.http().get(`/api/articles/${draft.id}`).set(editor);
        return res.body.status === 'published' ? res.body : undefined;
      },
      15000,
      100,
    );
    expect(Date.parse(published.live.publishedAt)).toBeGreaterThanOrEqual(Date.parse(publishAt));
    const [event] = await api.db.dataSource.query(
      `SELECT data, metadata FROM events WHERE stream_id = $1 AND type = 'ArticlePublished'`,
      [`article-${draft.id}`],
    );
    expect(event.metadata.actor).toEqual({ id: 'system-scheduler', name: 'Scheduler', role: 'system' });
    expect(event.data.scheduledBy.name).toBe('Eda Editor');
  });

  it('refuses a publication time in the past with 400 or 409 and stores nothing', async () => {
    const editor = await as('editor');
    const { body: draft } = await api
      .http()
      .post('/api/articles')
      .set(editor)
      .send({ headline: 'Too late' })
      .expect(201);
    await api.http().post(`/api/articles/${draft.id}/submit`).set(editor).expect(200);
    const { body: approved } = await api.http().post(`/api/articles/${draft.id}/approve`).set(editor).expect(200);
    const res = await api
      .http()
      .post(`/api/articles/${draft.id}/schedule`)
      .set(editor)
      .send({ publishAt: '2001-01-01T00:00:00Z' });
    expect([400, 409]).toContain(res.status);
    expect(await versionOf(draft.id)).toBe(approved.version);
  });
});
