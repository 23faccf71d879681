import type { ArgumentsHost } from '@nestjs/common';
import { AppendOutcomeUnknown, DatabaseUnavailable } from '@newsroom/event-store';
import { ErrorFilter } from './error.filter';

/** What the filter answers for `err`: status, headers and body, as Express would send them. */
function answerTo(err: unknown) {
  const sent = { status: 0, headers: {} as Record<string, string>, body: undefined as unknown, locals: {} };
  const res = {
    locals: sent.locals,
    setHeader: (name: string, value: string) => (sent.headers[name] = value),
    status(code: number) {
      sent.status = code;
      return this;
    },
    json: (body: unknown) => (sent.body = body),
  };
  const host = { switchToHttp: () => ({ getResponse: () => res }) } as unknown as ArgumentsHost;
  new ErrorFilter().catch(err, host);
  return sent;
}

describe('the answer when the database is unavailable', () => {
  it.each([
    ['an administrator ending the session', Object.assign(new Error('terminating connection'), { code: '57P01' })],
    ['a socket closed under a query', new Error('Connection terminated unexpectedly')],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
    ['a retry that failed too', new DatabaseUnavailable(new Error('Connection terminated'))],
    ['an append whose outcome is unknown', new AppendOutcomeUnknown(new Error('Connection terminated'), ['e1'])],
  ])('is a 503 with Retry-After and DATABASE_UNAVAILABLE for %s, not a 500', (_, err) => {
    const sent = answerTo(err);
    expect(sent.status).toBe(503);
    expect(sent.headers['Retry-After']).toBe('2');
    expect(sent.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable', code: 'DATABASE_UNAVAILABLE' });
    expect(sent.locals).toEqual({ errorCode: 'DATABASE_UNAVAILABLE' });
  });

  it('leaves a real fault a 500, without Retry-After', () => {
    const sent = answerTo(new TypeError('x is undefined'));
    expect(sent.status).toBe(500);
    expect(sent.headers).toEqual({});
  });
});
