import type { AddressInfo } from 'node:net';
import type { ArticleChange } from '@newsroom/contracts';
import { waitFor } from '@newsroom/testing';
import type { SystemHarness } from '@newsroom/testing-system';
import { createSseParser, type SseMessage } from '../apps/admin-web/src/live/sse-parser';
import { subscribeToArticles, type StopReason } from '../apps/admin-web/src/live/subscribe-to-articles';
import { newsroomClient, type Role } from './newsroom.client';
import { startNewsroom } from './newsroom.harness';

// GET /api/stream over real HTTP, fed by the real projector: the web app's own client module follows
// it as a browser would (fetch with the Authorization header), and raw reads pin the wire format.

/** How far the stream may trail the read model it is fed from: a notification and one read, with room. */
const AFTER_READ_MODEL_MS = 5000;

let api: SystemHarness;
let client: ReturnType<typeof newsroomClient>;
let base: string;
const stops: AbortController[] = [];
beforeAll(async () => {
  api = await startNewsroom('live_updates');
  client = newsroomClient(api);
  const server = api.app.getHttpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const s of stops) s.abort();
  await api.close();
});

async function login(role: Role): Promise<string> {
  const res = await api
    .http()
    .post('/api/auth/login')
    .send({ email: `${role}@newsroom.test`, password: 'newsroom' })
    .expect(200);
  return res.body.accessToken;
}

/** The web app's client following the stream with `token`: what it heard, and how it stopped. */
function follow(token: string) {
  const stop = new AbortController();
  stops.push(stop);
  const changes: ArticleChange[] = [];
  const resets: string[] = [];
  let contributions = 0;
  const stopped: Promise<StopReason> = subscribeToArticles({
    token,
    url: `${base}/api/stream`,
    onEvent: (c) => changes.push(c),
    onReset: (r) => resets.push(r),
    onContributions: () => void contributions++,
    signal: stop.signal,
    retry: { initialMs: 100, maxMs: 500 },
  });
  const sawVersion = (articleId: string, version: number, timeoutMs: number) =>
    waitFor(
      `version ${version} of article ${articleId} on the stream`,
      async () => changes.find((c) => c.articleId === articleId && c.version === version),
      timeoutMs,
    );
  const contributionsHeard = () => contributions;
  return { changes, resets, stopped, stop: () => stop.abort(), sawVersion, contributionsHeard };
}

/** A raw connection to the stream: its response, and its messages as they come. */
async function open(headers: Record<string, string>) {
  const stop = new AbortController();
  stops.push(stop);
  const res = await fetch(`${base}/api/stream`, { headers, signal: stop.signal });
  const messages: SseMessage[] = [];
  const parser = createSseParser({ onEvent: (m) => messages.push(m) });
  const reading = (async () => {
    const decoder = new TextDecoder();
    for await (const chunk of res.body ?? []) parser.feed(decoder.decode(chunk as Uint8Array, { stream: true }));
  })().catch(() => undefined);
  const first = () => waitFor('the first message', async () => messages[0], 10_000);
  const close = async () => {
    stop.abort();
    await reading;
  };
  return { res, messages, first, close };
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('live updates over GET /api/stream', () => {
  it("shows an editor a reporter's draft and revision once the read model has them, version by version", async () => {
    const desk = follow(await login('editor'));
    await waitFor('the stream to be live', async () => desk.resets[0] === 'new', 10_000);

    const reporter = await client.as('reporter');
    const draft = await api.http().post('/api/articles').set(reporter).send({ headline: 'Ferry strike' }).expect(201);
    await api
      .http()
      .patch(`/api/articles/${draft.body.id}`)
      .set(reporter)
      .set('If-Match', '"1"')
      .send({ headline: 'Ferry strike called off' })
      .expect(200);

    await client.articleAt(draft.body.id, 2);
    const seen = await desk.sawVersion(draft.body.id, 2, AFTER_READ_MODEL_MS);
    expect(seen).toEqual({
      articleId: draft.body.id,
      version: 2,
      status: 'draft',
      headline: 'Ferry strike called off',
      updatedAt: expect.any(String),
      updatedBy: { id: expect.any(String), name: expect.any(String), role: 'reporter' },
    });
    // Versions committed in one projector batch come as the newest only; never out of order, never twice.
    const versions = desk.changes.filter((c) => c.articleId === draft.body.id).map((c) => c.version);
    expect([[1, 2], [2]]).toContainEqual(versions);
  });

  it("tells the desk that a reporter's contribution arrived, without saying whose or on what", async () => {
    const desk = follow(await login('editor'));
    await waitFor('the stream to be live', async () => desk.resets[0] === 'new', 10_000);
    const editor = await client.as('editor');
    const story = await api.http().post('/api/articles').set(editor).send({ headline: 'Harbour vote' }).expect(201);
    expect(desk.contributionsHeard()).toBe(0);

    await api
      .http()
      .post(`/api/articles/${story.body.id}/contributions`)
      .set(await client.as('reporter'))
      .send({
        blocks: [{ type: 'paragraph', text: 'Quotes from the quay.' }],
        credit: { name: 'Rey', role: 'contributor' },
      })
      .expect(201);

    await waitFor('a contributions event', async () => desk.contributionsHeard() > 0, AFTER_READ_MODEL_MS + 10_000);
  });

  it('answers as a stream that nothing may buffer or cache, with the security headers of every answer', async () => {
    const stream = await open(bearer(await login('auditor')));
    expect(stream.res.status).toBe(200);
    expect(stream.res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(stream.res.headers.get('cache-control')).toMatch(/no-cache/);
    expect(stream.res.headers.get('x-accel-buffering')).toBe('no');
    expect(stream.res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await stream.first()).toEqual({ type: 'reset', data: '{"reason":"new"}', lastEventId: expect.any(String) });
    await stream.close();
  });

  it('resumes a client from its Last-Event-ID with what it missed, or tells it to refetch', async () => {
    const token = await login('auditor');
    const before = await open(bearer(token));
    const { lastEventId } = await before.first();
    await before.close();

    const editor = await client.as('editor');
    const draft = await api.http().post('/api/articles').set(editor).send({ headline: 'Missed' }).expect(201);
    await client.articleAt(draft.body.id, 1);

    const resumed = await open({ ...bearer(token), 'Last-Event-ID': lastEventId });
    await waitFor('the missed change', async () => resumed.messages.length > 0, AFTER_READ_MODEL_MS);
    expect(resumed.messages[0]).toMatchObject({ type: 'article', data: expect.stringContaining(draft.body.id) });
    await resumed.close();

    const lost = await open({ ...bearer(token), 'Last-Event-ID': 'deadbeef-42' });
    expect(await lost.first()).toMatchObject({ type: 'reset', data: '{"reason":"unknown-position"}' });
    await lost.close();
  });

  it('ends the stream of a session that logs out, and the client does not come back', async () => {
    const token = await login('reporter');
    const watcher = follow(token);
    await waitFor('the stream to be live', async () => watcher.resets.length > 0, 10_000);

    await api.http().post('/api/auth/logout').set(bearer(token)).expect(204);
    const stopped = await Promise.race([
      watcher.stopped,
      new Promise((resolve) => setTimeout(() => resolve('still open'), 10_000)),
    ]);
    expect(stopped).toBe('session-ended');
  });

  it('refuses an anonymous caller, and a token put in the query string', async () => {
    const anonymous = await fetch(`${base}/api/stream`);
    expect({ status: anonymous.status, type: anonymous.headers.get('content-type') }).toEqual({
      status: 401,
      type: expect.stringMatching(/^application\/json/),
    });
    const inQuery = await fetch(`${base}/api/stream?access_token=${await login('editor')}`);
    expect(inQuery.status).toBe(401);
  });

  it('refuses a sixth stream of the same user with 429, and takes it once one of the five closes', async () => {
    const token = await login('admin');
    const five = await Promise.all([1, 2, 3, 4, 5].map(() => open(bearer(token))));
    expect(five.map((s) => s.res.status)).toEqual([200, 200, 200, 200, 200]);

    const sixth = await fetch(`${base}/api/stream`, { headers: bearer(await login('admin')) });
    expect(sixth.status).toBe(429);
    expect(((await sixth.json()) as { message: string }).message).toMatch(/5 live streams/);

    await five[0]!.close();
    const again: Awaited<ReturnType<typeof open>> = await waitFor(
      'a slot given back',
      async () => {
        const s = await open(bearer(token));
        if (s.res.status === 200) return s;
        await s.close();
        return undefined;
      },
      10_000,
    );
    await again.close();
    await Promise.all(five.slice(1).map((s) => s.close()));
  });
});
