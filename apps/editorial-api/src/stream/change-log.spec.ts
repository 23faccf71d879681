import type { ArticleChange } from '@newsroom/contracts';
import { ChangeLog } from './change-log';

const change = (articleId: string, version: number): ArticleChange => ({
  articleId,
  version,
  status: 'draft',
  headline: `Headline v${version}`,
  updatedAt: '2030-01-01T09:00:00.000Z',
  updatedBy: { id: 'u1', name: 'Rae Reporter', role: 'reporter' },
});

/** Epochs a, b, c… in turn, so a test can name the ids it expects. */
const epochs = () => {
  let n = 0;
  return () => (10 + n++).toString(16);
};

describe('the change log behind /api/stream', () => {
  it('numbers changes within an epoch and announces each version of an article once', () => {
    const log = new ChangeLog(epochs());
    expect(log.lastId).toBe('a-0');
    expect(log.record([change('A', 1), change('B', 1)]).map((c) => c.id)).toEqual(['a-1', 'a-2']);
    expect(log.record([change('A', 1), change('B', 2)])).toEqual([{ id: 'a-3', change: change('B', 2) }]);
    expect(log.record([change('B', 1)])).toEqual([]);
  });

  it('tells a new connection to fetch, at the current id', () => {
    const log = new ChangeLog(epochs());
    log.record([change('A', 1)]);
    expect(log.since(undefined)).toEqual({ reset: 'new', id: 'a-1' });
    expect(log.since('')).toEqual({ reset: 'new', id: 'a-1' });
  });

  it('replays what a reconnecting client missed, and nothing when it missed nothing', () => {
    const log = new ChangeLog(epochs());
    log.record([change('A', 1), change('B', 1), change('A', 2)]);
    expect(log.since('a-1')).toEqual({
      replay: [
        { id: 'a-2', change: change('B', 1) },
        { id: 'a-3', change: change('A', 2) },
      ],
    });
    expect((log.since('a-0') as { replay: unknown[] }).replay).toHaveLength(3);
    expect(log.since('a-3')).toEqual({ replay: [] });
  });

  it('cannot resume an id from another process, the future, or garbage', () => {
    const log = new ChangeLog(epochs());
    log.record([change('A', 1)]);
    for (const id of ['b-1', 'a-2', 'a-', 'a-1x', 'x'.repeat(500), 'a-1\nid: a-0', '-1']) {
      expect(log.since(id)).toEqual({ reset: 'unknown-position', id: 'a-1' });
    }
  });

  it('cannot resume a client further behind than the changes it keeps', () => {
    const log = new ChangeLog(epochs(), 2);
    log.record([change('A', 1), change('A', 2), change('A', 3)]);
    expect(log.since('a-0')).toEqual({ reset: 'too-far-behind', id: 'a-3' });
    expect(log.since('a-1')).toEqual({
      replay: [expect.objectContaining({ id: 'a-2' }), expect.objectContaining({ id: 'a-3' })],
    });
  });

  it('after a restart, resumes none of the ids from before it and announces versions afresh', () => {
    const log = new ChangeLog(epochs());
    log.record([change('A', 1)]);
    log.restart();
    expect(log.since('a-1')).toEqual({ reset: 'unknown-position', id: 'b-0' });
    expect(log.record([change('A', 1)])).toEqual([{ id: 'b-1', change: change('A', 1) }]);
  });

  it('forgets the least recently changed article first when it remembers too many', () => {
    const log = new ChangeLog(epochs(), 100, 2);
    log.record([change('A', 1), change('B', 1)]);
    log.record([change('A', 2), change('C', 1)]);
    // B was forgotten, A was not.
    expect(log.record([change('A', 2), change('B', 1)]).map((c) => c.change.articleId)).toEqual(['B']);
  });
});
