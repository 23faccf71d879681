import type { NextFunction, Request, Response } from 'express';
import { onlyFromThisMachine } from './security-headers';

/** What the guard answers a client at `remoteAddress` asking for `path`: passed on, or a 404. */
function ask(path: string, remoteAddress: string, headers: Record<string, string> = {}): 'passed' | number {
  let answer: 'passed' | number = 'passed';
  const req = { path, method: 'GET', headers, socket: { remoteAddress } } as unknown as Request;
  const res = {
    status: (code: number) => ((answer = code), res),
    json: () => res,
  } as unknown as Response;
  onlyFromThisMachine('/api/docs')(req, res, (() => undefined) as NextFunction);
  return answer;
}

describe('docs kept private to the machine', () => {
  it.each(['127.0.0.1', '::1', '::ffff:127.0.0.1'])('serves the docs to %s', (address) => {
    expect(ask('/api/docs/', address)).toBe('passed');
    expect(ask('/api/docs-json', address)).toBe('passed');
  });

  it('answers 404 to any other client, for the page, its assets and the JSON document', () => {
    expect(ask('/api/docs/', '10.0.0.7')).toBe(404);
    expect(ask('/api/docs/swagger-ui-bundle.js', '10.0.0.7')).toBe(404);
    expect(ask('/api/docs-json', '10.0.0.7')).toBe(404);
  });

  it('is not fooled by X-Forwarded-For', () => {
    expect(ask('/api/docs/', '10.0.0.7', { 'x-forwarded-for': '127.0.0.1' })).toBe(404);
  });

  it('leaves every other path alone', () => {
    expect(ask('/api/articles', '10.0.0.7')).toBe('passed');
  });
});
