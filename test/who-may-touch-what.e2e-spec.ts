import { randomUUID } from 'node:crypto';
import type { ApiHarness } from '@newsroom/testing-system';
import { newsroomClient, type Role } from './newsroom.client';
import { startNewsroomApi } from './newsroom.harness';

// Item 9 of issue #7 on real articles: reporters change only what they drafted or are assigned to,
// editors assign, and an approver is never the article's last author. The role × endpoint table
// (role-endpoint-table.e2e-spec.ts) covers every route; this covers the rules that depend on the article.

let api: ApiHarness;
let client: ReturnType<typeof newsroomClient>;
beforeAll(async () => {
  api = await startNewsroomApi('who_may_touch');
  client = newsroomClient(api);
});
afterAll(() => api.close());

describe('who may touch an article that exists', () => {
  const articles = '/api/articles';
  const userIdOf = async (email: string): Promise<string> =>
    (await api.db.dataSource.query(`SELECT id FROM users WHERE email = $1`, [email]))[0].id;

  /** Sends a write as `role` and answers its status and body; PATCHes carry the version as If-Match. */
  async function write(role: Role, method: 'post' | 'patch' | 'put' | 'delete', path: string, body?: object) {
    const req = api
      .http()
      [method](path)
      .set(await client.as(role));
    if (method === 'patch') req.set('If-Match', `"${await client.storedVersion(path.split('/')[3]!)}"`);
    return body ? req.send(body) : req;
  }

  /** A draft the editor wrote, with a credit and a photo a reporter might try to change. */
  async function editorsDraft() {
    const { body } = await write('editor', 'post', articles, { headline: 'Desk story' });
    const id: string = body.id;
    const credit = await write('editor', 'post', `${articles}/${id}/contributors`, { name: 'Ed Desk', role: 'author' });
    const photo = await write('editor', 'post', `${articles}/${id}/photos`, {
      url: 'https://images.example.com/desk.jpg',
      caption: 'The desk',
      credit: 'Pat',
    });
    return { id, contributorId: credit.body.contributorId as string, photoId: photo.body.photoId as string };
  }

  // Every write a reporter may make to an article of their own, tried on the editor's draft.
  const REPORTER_WRITES = (a: { id: string; contributorId: string; photoId: string }) =>
    [
      ['patch', `${articles}/${a.id}`, { standfirst: 'Rewritten by the reporter.' }],
      ['post', `${articles}/${a.id}/contributors`, { name: 'Rey Reporter', role: 'contributor' }],
      ['patch', `${articles}/${a.id}/photos/${a.photoId}`, { caption: 'Recaptioned' }],
      ['post', `${articles}/${a.id}/photos`, { url: 'https://images.example.com/r.jpg', caption: 'R', credit: 'Rey' }],
      ['delete', `${articles}/${a.id}/contributors/${a.contributorId}`, undefined],
      ['delete', `${articles}/${a.id}/photos/${a.photoId}`, undefined],
      ['post', `${articles}/${a.id}/submit`, undefined],
    ] as const;

  it('refuses a reporter any change to a colleague’s unassigned draft: 403, a reason, nothing stored', async () => {
    const draft = await editorsDraft();
    const before = await client.storedVersion(draft.id);
    for (const [method, path, body] of REPORTER_WRITES(draft)) {
      const res = await write('reporter', method, path, body);
      expect({ route: `${method} ${path}`, status: res.status }).toEqual({ route: `${method} ${path}`, status: 403 });
      expect(res.body).toMatchObject({
        code: 'FORBIDDEN',
        reason:
          'reporters may only change articles they drafted or are assigned to; this one was drafted by Eda Editor',
      });
    }
    expect(await client.storedVersion(draft.id)).toBe(before);
  });

  it('lets the reporter make those changes once an editor assigns them, and not after unassigning', async () => {
    const draft = await editorsDraft();
    const reporterId = await userIdOf('reporter@newsroom.test');
    const assignee = `${articles}/${draft.id}/assignees/${reporterId}`;
    expect((await write('reporter', 'put', assignee)).status).toBe(403);
    expect((await write('editor', 'put', assignee)).status).toBe(200);

    for (const [method, path, body] of REPORTER_WRITES(draft)) {
      const res = await write('reporter', method, path, body);
      expect({ route: `${method} ${path}`, status: res.status }).toEqual({
        route: `${method} ${path}`,
        status: method === 'post' && body ? 201 : 200,
      });
    }

    const other = await editorsDraft();
    const otherAssignee = `${articles}/${other.id}/assignees/${reporterId}`;
    expect((await write('admin', 'put', otherAssignee)).status).toBe(200);
    expect((await write('editor', 'delete', otherAssignee)).status).toBe(200);
    const revise = await write('reporter', 'patch', `${articles}/${other.id}`, { headline: 'Not any more' });
    expect(revise.status).toBe(403);
  });

  it('refuses to assign someone who is not a reporter (400 naming assigneeId) or does not exist (404)', async () => {
    const draft = await editorsDraft();
    const auditorId = await userIdOf('auditor@newsroom.test');
    const notReporter = await write('editor', 'put', `${articles}/${draft.id}/assignees/${auditorId}`);
    expect(notReporter.status).toBe(400);
    expect(notReporter.body.details).toEqual([
      { path: 'assigneeId', message: 'must be a reporter; Audra Auditor is not' },
    ]);
    const nobody = await write('editor', 'put', `${articles}/${draft.id}/assignees/${randomUUID()}`);
    expect(nobody.status).toBe(404);
  });

  it('refuses an editor approving what they last wrote (403, four eyes); an admin may approve it', async () => {
    const { id } = await editorsDraft();
    expect((await write('editor', 'post', `${articles}/${id}/submit`)).status).toBe(200);
    const own = await write('editor', 'post', `${articles}/${id}/approve`);
    expect(own.status).toBe(403);
    expect(own.body).toMatchObject({
      code: 'FORBIDDEN',
      reason: expect.stringMatching(/^four-eyes rule: .* Eda Editor made the latest change to its content$/),
    });
    expect((await write('admin', 'post', `${articles}/${id}/approve`)).status).toBe(200);
  });
});
