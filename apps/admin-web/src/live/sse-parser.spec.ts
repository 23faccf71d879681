import { describe, expect, it } from '@jest/globals';
import { createSseParser, type SseMessage } from './sse-parser';

/** Feeds the chunks in order and collects what the parser dispatched. */
function parse(chunks: string[], initialId?: string) {
  const events: SseMessage[] = [];
  const retries: number[] = [];
  const comments: string[] = [];
  const parser = createSseParser({
    onEvent: (e) => events.push(e),
    onRetry: (ms) => retries.push(ms),
    onComment: (c) => comments.push(c),
    lastEventId: initialId,
  });
  for (const c of chunks) parser.feed(c);
  return { events, retries, comments, lastEventId: parser.lastEventId };
}

const STREAM =
  ': keep-alive\n\nevent: article\nid: ab-1\ndata: {"articleId":"A","version":2}\n\nevent: reset\nid: ab-1\n' +
  'data: {"reason":"new"}\n\n';

describe('the server-sent events parser', () => {
  it('dispatches named events with their data and id, and passes comments aside', () => {
    const { events, comments, lastEventId } = parse([STREAM]);
    expect(events).toEqual([
      { type: 'article', data: '{"articleId":"A","version":2}', lastEventId: 'ab-1' },
      { type: 'reset', data: '{"reason":"new"}', lastEventId: 'ab-1' },
    ]);
    expect(comments).toEqual(['keep-alive']);
    expect(lastEventId).toBe('ab-1');
  });

  it('gives the same events however the stream is cut, one character at a time included', () => {
    const whole = parse([STREAM]).events;
    expect(parse(STREAM.split('')).events).toEqual(whole);
    for (let cut = 1; cut < STREAM.length; cut++) {
      expect(parse([STREAM.slice(0, cut), STREAM.slice(cut)]).events).toEqual(whole);
    }
  });

  it('ends lines at CRLF, LF or CR, and a CRLF cut between its CR and LF is one line end', () => {
    const expected = [{ type: 'message', data: 'one', lastEventId: '' }];
    expect(parse(['data: one\r\n\r\n']).events).toEqual(expected);
    expect(parse(['data: one\r\r']).events).toEqual(expected);
    expect(parse(['data: one\r', '\n\r', '\n']).events).toEqual(expected);
    // Had the LF after the cut been a line of its own, the blank line would dispatch twice.
    expect(parse(['data: one\r', '\ndata: two\r', '\n\r\n']).events).toEqual([
      { type: 'message', data: 'one\ntwo', lastEventId: '' },
    ]);
  });

  it('joins data lines with LF, keeps an empty data line, and drops one space after the colon only', () => {
    expect(parse(['data:a\ndata:  b\ndata\n\n']).events).toEqual([
      { type: 'message', data: 'a\n b\n', lastEventId: '' },
    ]);
  });

  it('dispatches nothing without data, nor before the blank line, yet the id of such an event counts', () => {
    const { events, lastEventId } = parse(['event: article\nid: ab-7\n\ndata: unfinished']);
    expect(events).toEqual([]);
    expect(lastEventId).toBe('ab-7');
  });

  it('takes an id only at the blank line that ends its event, and keeps the previous one meanwhile', () => {
    expect(parse(['id: ab-2\ndata: x\n'], 'ab-1').lastEventId).toBe('ab-1');
    expect(parse(['data: x\n\n'], 'ab-1').events).toEqual([{ type: 'message', data: 'x', lastEventId: 'ab-1' }]);
  });

  it('ignores an id holding NUL, a retry that is not all digits, and unknown fields', () => {
    const { events, retries, lastEventId } = parse(['id: a\u0000b\nretry: 1e3\nretry: 2500\nfoo: bar\ndata: x\n\n']);
    expect(events).toEqual([{ type: 'message', data: 'x', lastEventId: '' }]);
    expect(retries).toEqual([2500]);
    expect(lastEventId).toBe('');
  });

  it('lets an empty id clear the last one', () => {
    expect(parse(['id\ndata: x\n\n'], 'ab-1').lastEventId).toBe('');
  });
});
