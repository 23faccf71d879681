import { describe, expect, it } from '@jest/globals';
import type { ArticleChange } from '@newsroom/contracts';
import { subscribeToArticles, type StopReason, type SubscribeOptions } from './subscribe-to-articles';

// The stream client against a scripted server: each connection answers the next scripted response.

const change = (version: number): ArticleChange => ({
  articleId: 'A',
  version,
  status: 'draft',
  headline: 'Harbour reopens',
  updatedAt: '2030-01-01T09:00:00.000Z',
  updatedBy: { id: 'u2', name: 'Rae Reporter', role: 'reporter' },
});
const article = (id: string, version: number) =>
  `event: article\nid: ${id}\ndata: ${JSON.stringify(change(version))}\n\n`;
const reset = (id: string, reason = 'new') => `event: reset\nid: ${id}\ndata: {"reason":"${reason}"}\n\n`;

type Answer = { status?: number; body?: string[]; stayOpen?: boolean } | 'network-error';

/** A fetch that answers each connection with the next answer, and records what each one sent. */
function scriptedServer(answers: Answer[]) {
  const requests: Array<{ url: string; headers: Record<string, string> }> = [];
  const fetch = (async (url: string, init: RequestInit) => {
    requests.push({ url, headers: init.headers as Record<string, string> });
    const answer = answers.shift() ?? { status: 503 };
    if (answer === 'network-error') throw new TypeError('fetch failed');
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of answer.body ?? []) controller.enqueue(new TextEncoder().encode(chunk));
        if (!answer.stayOpen) controller.close();
        init.signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
      },
    });
    const type = answer.status === undefined || answer.status === 200 ? 'text/event-stream' : 'application/json';
    return new Response(body, { status: answer.status ?? 200, headers: { 'content-type': type } });
  }) as unknown as typeof globalThis.fetch;
  return { fetch, requests };
}

/** Subscribes with fast retries, stopping (aborting) once `until` holds of what was heard. */
async function follow(
  answers: Answer[],
  until: (heard: string[]) => boolean,
  extra: Partial<SubscribeOptions> = {},
): Promise<{ stopped: StopReason; heard: string[]; requests: ReturnType<typeof scriptedServer>['requests'] }> {
  const server = scriptedServer(answers);
  const heard: string[] = [];
  const stop = new AbortController();
  const note = (what: string) => {
    heard.push(what);
    if (until(heard)) stop.abort();
  };
  const stopped = await subscribeToArticles({
    token: 'T1',
    onEvent: (c) => note(`article v${c.version}`),
    onReset: (reason) => note(`reset ${reason}`),
    onContributions: () => note('contributions'),
    signal: stop.signal,
    fetch: server.fetch,
    retry: { initialMs: 1, maxMs: 4 },
    ...extra,
  });
  return { stopped, heard, requests: server.requests };
}

describe('subscribing to article changes', () => {
  it('hands over a contributions event, which names nothing, beside the article changes', async () => {
    const { heard } = await follow(
      [{ body: [reset('e-0'), 'event: contributions\nid: e-0\ndata: {}\n\n', article('e-1', 1)], stayOpen: true }],
      (h) => h.length === 3,
    );
    expect(heard).toEqual(['reset new', 'contributions', 'article v1']);
  });

  it('sends the token as a bearer header, never in the URL, and hands over resets and changes', async () => {
    const { stopped, heard, requests } = await follow(
      [{ body: [reset('e-0'), article('e-1', 1), article('e-2', 2)], stayOpen: true }],
      (h) => h.length === 3,
    );
    expect(stopped).toBe('aborted');
    expect(heard).toEqual(['reset new', 'article v1', 'article v2']);
    expect(requests[0]).toEqual({
      url: '/api/stream',
      headers: { Authorization: 'Bearer T1', Accept: 'text/event-stream' },
    });
  });

  it('reconnects by itself after a drop, a refusal or a network error, with the last event id it saw', async () => {
    const { heard, requests } = await follow(
      [
        { body: [reset('e-0'), article('e-1', 1)] },
        'network-error',
        { status: 503 },
        { status: 429 },
        { body: [article('e-2', 2)], stayOpen: true },
      ],
      (h) => h.includes('article v2'),
    );
    expect(heard).toEqual(['reset new', 'article v1', 'article v2']);
    expect(requests.map((r) => r.headers['Last-Event-ID'])).toEqual([undefined, 'e-1', 'e-1', 'e-1', 'e-1']);
  });

  it('reads the token afresh at each connection', async () => {
    const tokens = ['T1', 'T2'];
    const { requests } = await follow(
      [{ body: [reset('e-0')] }, { body: [reset('e-0')], stayOpen: true }],
      (h) => h.length === 2,
      {
        token: () => tokens.shift(),
      },
    );
    expect(requests.map((r) => r.headers.Authorization)).toEqual(['Bearer T1', 'Bearer T2']);
  });

  it('stops for good when the token is refused, or when it has none', async () => {
    expect((await follow([{ status: 401 }], () => false)).stopped).toBe('unauthorized');
    const none = await follow([], () => false, { token: () => null });
    expect({ stopped: none.stopped, requests: none.requests.length }).toEqual({ stopped: 'unauthorized', requests: 0 });
  });

  it('stops for good when the server ends the stream because the session ended, but not for a shutdown', async () => {
    const ended = await follow(
      [{ body: [reset('e-0'), 'event: end\nid: e-0\ndata: {"reason":"session-ended"}\n\n'] }],
      () => false,
    );
    expect({ stopped: ended.stopped, requests: ended.requests.length }).toEqual({
      stopped: 'session-ended',
      requests: 1,
    });

    const restarted = await follow(
      [
        { body: ['event: end\nid: e-0\ndata: {"reason":"shutdown"}\n\n'] },
        { body: [reset('f-0', 'unknown-position')], stayOpen: true },
      ],
      (h) => h.length === 1,
    );
    expect(restarted.heard).toEqual(['reset unknown-position']);
  });

  it('takes a connection that stays silent past its idle timeout for dead, and connects again', async () => {
    const { requests } = await follow(
      [
        { body: [reset('e-0')], stayOpen: true },
        { body: [reset('e-0')], stayOpen: true },
      ],
      (h) => h.length === 2,
      { idleTimeoutMs: 50 },
    );
    expect(requests).toHaveLength(2);
  });

  it('skips an event whose data is not JSON and keeps going', async () => {
    const { heard } = await follow(
      [{ body: ['event: article\nid: e-1\ndata: {oops\n\n', article('e-2', 2)], stayOpen: true }],
      (h) => h.length === 1,
    );
    expect(heard).toEqual(['article v2']);
  });
});
