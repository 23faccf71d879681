import { nextRequest } from './produce-request';
import { ARTICLE_ID, outboxRow } from './outbox-row.fixture';

const body = (kb: number) => ({ body: 'x'.repeat(kb * 1024) });
const TOPICS = { article: 'articles', contribution: 'contributions' };
const rows = (...kbs: number[]) => kbs.map((kb, i) => outboxRow({ id: String(i + 1), version: i + 1, data: body(kb) }));

describe('cutting the oldest rows into one produce request', () => {
  it('takes every row when they fit, in outbox order', () => {
    const request = nextRequest(rows(1, 1, 1), 512 * 1024, TOPICS);
    expect(request.taken).toBe(3);
    expect(request.messages.map((m) => JSON.parse(m.value).version)).toEqual([1, 2, 3]);
  });

  it('stops before the row that would push the request over the limit, leaving the rest for the next', () => {
    const request = nextRequest(rows(200, 200, 200, 1), 512 * 1024, TOPICS);
    expect(request.taken).toBe(2);
    expect(request.messages).toHaveLength(2);
    expect(request.createdAt).toHaveLength(2);
  });

  it('still sends one row larger than the limit on its own rather than never', () => {
    expect(nextRequest(rows(600, 1), 512 * 1024, TOPICS).taken).toBe(1);
  });

  it("sends each row to its stream type's topic, keyed by the stream's id, in outbox order", () => {
    const contribution = '9b1f0c2e-0000-4000-8000-000000000001';
    const request = nextRequest(
      [outboxRow({ id: '1' }), outboxRow({ id: '2', stream_id: `contribution-${contribution}`, version: 1 })],
      512 * 1024,
      TOPICS,
    );
    expect(request.messages.map((m) => [m.topic, m.key])).toEqual([
      ['articles', ARTICLE_ID],
      ['contributions', contribution],
    ]);
  });

  it('refuses to account for a row of a type it has no topic for, rather than dropping it unsent', () => {
    expect(() => nextRequest([outboxRow({ id: '1', stream_id: 'user-42' })], 512 * 1024, TOPICS)).toThrow(
      /no topic for stream type user/,
    );
  });
});
