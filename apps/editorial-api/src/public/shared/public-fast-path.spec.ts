import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiMetrics } from '../../metrics/api.metrics';
import { PublicFastPath } from './public-fast-path';
import type { FeedStamp } from '@newsroom/read-models';
import type { PublicOutput, PublicOutputs } from './public-outputs';
import type { PublicReadModel } from './public-read-model';
import type { PublicRateLimitGuard } from './public-rate-limit.guard';

const ID = '0000c0de-0000-4000-8000-000000000001';
const LIVE: PublicOutput = {
  articleId: ID,
  version: 13,
  status: 'live',
  slug: 'a-story-0000c0de',
  output: () => ({ body: Buffer.from('<p>story</p>'), etag: '"13-abc"' }),
};

/** The fast path over stub outputs and limiter; `send` says what became of one request. */
function fastPath(found: PublicOutput | undefined | Error, admitted = true) {
  const outputs = {
    of: async () => {
      if (found instanceof Error) throw found;
      return found;
    },
  } as unknown as PublicOutputs;
  const limiter = { admits: async () => admitted } as unknown as PublicRateLimitGuard;
  const metrics = { timer: () => () => undefined } as unknown as ApiMetrics;
  const stamp: FeedStamp = { count: 2, versions: '29', newest: null, changed: '2026-11-30T08:00:00.000Z' };
  const model = { feedStamp: async () => stamp } as unknown as PublicReadModel;
  const path = new PublicFastPath(outputs, model, limiter, metrics);
  return async (method: string, url: string, headers: Record<string, string> = {}) => {
    const req = { method, url, headers, socket: { remoteAddress: '192.0.2.1' } } as unknown as IncomingMessage;
    let resolveDone: (outcome: string) => void;
    const done = new Promise<string>((r) => (resolveDone = r));
    const answer = { status: 0, headers: {} as Record<string, unknown> };
    const res = {
      headersSent: false,
      writeHead(status: number, headers: Record<string, unknown>) {
        Object.assign(answer, { status, headers });
        return res;
      },
      end: (body?: Buffer) => resolveDone(`${answer.status} ${body?.toString() ?? ''}`.trim()),
    };
    const taken = path.serve(req, res as unknown as ServerResponse, () => resolveDone('fallback'));
    return { taken, outcome: taken ? await done : 'not taken', headers: () => answer.headers };
  };
}

describe('the public fast path', () => {
  it('answers a GET of a visible story by its canonical slug: its bytes, ETag and security headers', async () => {
    const answer = await fastPath(LIVE)('GET', '/news/a-story-0000c0de');
    expect(answer.outcome).toBe('200 <p>story</p>');
    expect(answer.headers()).toMatchObject({
      ETag: '"13-abc"',
      'X-Content-Type-Options': 'nosniff',
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-cache',
    });
    expect(answer.headers()['Content-Security-Policy']).toContain("script-src 'none'");
  });

  it('answers 304 and no body to a reader holding the current ETag', async () => {
    const answer = await fastPath(LIVE)('GET', `/api/public/articles/${ID}.ninjs.json`, {
      'if-none-match': '"13-abc"',
    });
    expect(answer.outcome).toBe('304');
  });

  it('leaves HEAD, other methods and spellings it does not know to the full pipeline, untouched', async () => {
    const send = fastPath(LIVE);
    for (const [method, url] of [
      ['HEAD', '/news/a-story-0000c0de'],
      ['POST', '/news/a-story-0000c0de'],
      ['GET', '/news/a-story-0000c0de/'],
      ['GET', '/news/A-Story'],
      ['GET', `/api/public/articles/${ID.toUpperCase()}.ninjs.json`],
      ['GET', '/api/public/articles/not-an-id.jsonld'],
      ['GET', '/feeds/atom.xml'],
    ]) {
      expect([method, url, (await send(method, url)).outcome]).toEqual([method, url, 'not taken']);
    }
  });

  it('hands the unknown, withdrawn, old slugs, clients over the rate and failures to the pipeline', async () => {
    const withdrawn = { ...LIVE, status: 'withdrawn' as const };
    const cases: Array<[string, ReturnType<typeof fastPath>, string]> = [
      ['unknown', fastPath(undefined), '/news/a-story-0000c0de'],
      ['withdrawn page', fastPath(withdrawn), '/news/a-story-0000c0de'],
      ['withdrawn JSON-LD', fastPath(withdrawn), `/api/public/articles/${ID}.jsonld`],
      ['an older slug', fastPath(LIVE), '/news/older-headline-0000c0de'],
      ['over the rate', fastPath(LIVE, false), '/news/a-story-0000c0de'],
      ['the database away', fastPath(new Error('connection refused')), '/news/a-story-0000c0de'],
    ];
    for (const [what, send, url] of cases) {
      const answer = await send('GET', url);
      expect([what, answer.taken, answer.outcome]).toEqual([what, true, 'fallback']);
    }
  });

  it('answers a feed poller holding the first page with 304 and its validators, from the stamp alone', async () => {
    const send = fastPath(LIVE);
    const byTag = await send('GET', '/feeds/atom.xml', { 'if-none-match': 'W/"atom-2-29"' });
    expect(byTag.outcome).toBe('304');
    expect(byTag.headers()).toMatchObject({
      ETag: 'W/"atom-2-29"',
      'Last-Modified': 'Mon, 30 Nov 2026 08:00:00 GMT',
      'Cache-Control': 'no-cache',
    });
    const byDate = await send('GET', '/feeds/sections/world/feed.json', {
      'if-modified-since': 'Mon, 30 Nov 2026 08:00:00 GMT',
    });
    expect(byDate.outcome).toBe('304');
  });

  it('leaves a feed to build (no validator, a stale one, a later page) to the full pipeline', async () => {
    const send = fastPath(LIVE);
    expect((await send('GET', '/feeds/atom.xml')).outcome).toBe('not taken');
    expect((await send('GET', '/feeds/atom.xml?page=2', { 'if-none-match': 'W/"atom-2-29"' })).outcome).toBe(
      'not taken',
    );
    expect((await send('GET', '/feeds/feed.json', { 'if-none-match': 'W/"json-2-28"' })).outcome).toBe('fallback');
  });

  it('answers a withdrawn story’s ninjs itself: partners get it as canceled', async () => {
    const answer = await fastPath({ ...LIVE, status: 'withdrawn' })('GET', `/api/public/articles/${ID}.ninjs.json`);
    expect(answer.outcome).toBe('200 <p>story</p>');
  });
});
