import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { waitFor } from '@newsroom/testing';
import type { ArticleVersionsListener, VersionsFollower } from '../articles/shared/article-versions.listener';
import { ArticleChangesHub, type StreamMessage } from './article-changes.hub';

// The hub between the read model's notifications and the open streams, with a scripted database
// (rows of article_state as the query returns them) and a listener driven by hand.

const row = (articleId: string, version: number) => ({
  article_id: articleId,
  version,
  status: 'draft',
  headline: 'Harbour reopens',
  updated_at: '2030-01-01T09:00:00.000Z',
  updated_by: { id: 'u1', name: 'Rae Reporter', role: 'reporter', roles: ['reporter'] },
});

function harness(opts: { listening?: boolean[] } = {}) {
  const versions = new Map<string, number>();
  const queries: string[][] = [];
  let gate: Promise<void> = Promise.resolve();
  let failNext = false;
  const ds = {
    async query(_sql: string, [ids]: [string[]]) {
      queries.push([...ids]);
      await gate;
      if (failNext) {
        failNext = false;
        throw new Error('connection lost');
      }
      return ids.filter((id) => versions.has(id)).map((id) => row(id, versions.get(id)!));
    },
  };
  let follower: VersionsFollower | undefined;
  const listening = opts.listening ?? [];
  const listener = {
    follow: (f: VersionsFollower) => ((follower = f), () => (follower = undefined)),
    ready: async () => listening.shift() ?? true,
  };
  const hub = new ArticleChangesHub(ds as unknown as DataSource, listener as unknown as ArticleVersionsListener);
  const heard: StreamMessage[] = [];
  return {
    hub,
    heard,
    queries,
    /** The projector commits these versions, and notifies them. */
    commit(...vs: Array<[string, number]>) {
      for (const [id, v] of vs) versions.set(id, v);
      follower!.versions(vs);
    },
    lose: () => follower!.lost(),
    holdReads() {
      let release!: () => void;
      gate = new Promise((r) => (release = r));
      return release;
    },
    failNextRead: () => (failNext = true),
    follow: (lastEventId?: string) => hub.streamSince(lastEventId).subscribe((m) => heard.push(m)),
  };
}

beforeAll(() => Logger.overrideLogger(false));

/** Lets every promise already under way run to its end (the scripted database answers at once). */
const settle = () => new Promise((r) => setImmediate(r));
const articles = (heard: StreamMessage[]) =>
  heard.flatMap((m) => (m.type === 'article' ? [`${m.logged.change.articleId} v${m.logged.change.version}`] : []));

describe('the article changes hub', () => {
  it('reads once for all the notifications heard while a read was in flight', async () => {
    const h = harness();
    await h.hub.open();
    h.follow();
    const release = h.holdReads();
    h.commit(['A', 1]);
    h.commit(['A', 2], ['B', 1]);
    h.commit(['C', 1]);
    release();
    await settle();

    expect(h.queries).toEqual([['A'], ['A', 'B', 'C']]);
    expect(articles(h.heard)).toEqual(['A v2', 'B v1', 'C v1']);
  });

  it('starts each stream with a reset, then the changes; and resumes a stream from its last id', async () => {
    const h = harness();
    await h.hub.open();
    h.follow();
    h.commit(['A', 1]);
    await settle();
    const [reset, first] = h.heard;
    expect(reset).toMatchObject({ type: 'reset', reason: 'new' });
    h.commit(['A', 2]);
    await settle();

    const resumed: StreamMessage[] = [];
    h.hub.streamSince(first!.type === 'article' ? first.logged.id : '').subscribe((m) => resumed.push(m));
    expect(articles(resumed)).toEqual(['A v2']);
  });

  it('tells every stream to fetch afresh once it listens again after losing the connection', async () => {
    const h = harness({ listening: [false, true] });
    await h.hub.open();
    h.follow();
    h.commit(['A', 1]);
    await settle();
    const before = h.hub.lastId;

    h.lose();
    // The first attempt to listen again fails; the second, after a backoff, succeeds.
    const reset = await waitFor('the reset', async () => h.heard.find((m) => m.type === 'reset' && m !== h.heard[0]));
    expect(reset).toEqual({ type: 'reset', reason: 'missed-changes', id: h.hub.lastId });
    const late: StreamMessage[] = [];
    h.hub.streamSince(before).subscribe((m) => late.push(m));
    expect(late).toEqual([{ type: 'reset', reason: 'unknown-position', id: h.hub.lastId }]);
  });

  it('tells every stream to fetch afresh when it cannot read the changes it heard of', async () => {
    const h = harness();
    await h.hub.open();
    h.follow();
    h.failNextRead();
    h.commit(['A', 1]);
    await settle();
    expect(h.heard.map((m) => m.type)).toEqual(['reset', 'reset']);
    expect(h.heard[1]).toMatchObject({ reason: 'missed-changes' });
  });

  it('ends every stream before the server closes', async () => {
    const h = harness();
    await h.hub.open();
    h.follow();
    h.hub.onModuleDestroy();
    expect(h.heard.at(-1)).toEqual({ type: 'end', reason: 'shutdown' });
  });
});
