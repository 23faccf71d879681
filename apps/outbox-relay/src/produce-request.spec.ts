import { nextRequest } from './produce-request';
import { outboxRow } from './outbox-row.fixture';

const body = (kb: number) => ({ body: 'x'.repeat(kb * 1024) });
const rows = (...kbs: number[]) => kbs.map((kb, i) => outboxRow({ id: String(i + 1), version: i + 1, data: body(kb) }));

describe('cutting the oldest rows into one produce request', () => {
  it('takes every row when they fit, in outbox order', () => {
    const request = nextRequest(rows(1, 1, 1), 512 * 1024);
    expect(request.taken).toBe(3);
    expect(request.messages.map((m) => JSON.parse(m.value).version)).toEqual([1, 2, 3]);
  });

  it('stops before the row that would push the request over the limit, leaving the rest for the next', () => {
    const request = nextRequest(rows(200, 200, 200, 1), 512 * 1024);
    expect(request.taken).toBe(2);
    expect(request.messages).toHaveLength(2);
    expect(request.createdAt).toHaveLength(2);
  });

  it('still sends one row larger than the limit on its own rather than never', () => {
    expect(nextRequest(rows(600, 1), 512 * 1024).taken).toBe(1);
  });

  it('takes a row of a stream that is not an article without a message, and carries on after it', () => {
    const request = nextRequest([outboxRow({ id: '1', stream_id: 'user-42' }), outboxRow({ id: '2' })], 512 * 1024);
    expect(request.taken).toBe(2);
    expect(request.messages).toHaveLength(1);
    expect(request.unusable.map((u) => u.row.id)).toEqual(['1']);
  });
});
