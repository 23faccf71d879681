import type { IncomingMessage } from 'node:http';

/**
 * A supertest parser for a route that may answer an endless event stream (GET /api/stream): a
 * stream is taken at its status and headers and hung up on, any other answer parsed as JSON.
 * Use: `req.buffer(false).parse(hangUpOnStream)`.
 */
// On Node, superagent hands a parser the IncomingMessage itself (its types name their own Response).
export const hangUpOnStream = (answer: any, done: (err: Error | null, body: unknown) => void): void => {
  const res = answer as IncomingMessage;
  if (/^text\/event-stream/.test(res.headers['content-type'] ?? '')) {
    res.destroy();
    return done(null, 'an event stream');
  }
  let text = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => (text += chunk));
  res.on('end', () => {
    try {
      done(null, text && JSON.parse(text));
    } catch {
      done(null, text);
    }
  });
};
