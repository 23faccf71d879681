import { BadRequestException, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { requestHash as hashOf } from '@newsroom/event-store';
import type { AuthUser } from '../../auth/auth.guard';
import { canonicalPath } from '../../common/canonical-path';

/** What a write request carries besides its body: who sends it, and its If-Match and Idempotency-Key. */
export interface WriteRequest {
  user: AuthUser;
  /** The version the client edited, from If-Match. */
  ifMatch?: number;
  /** From Idempotency-Key, with the fingerprint of this request to tell a retry from a reuse. */
  idempotency?: { key: string; requestHash: string; legacyRequestHash?: string };
  correlationId: string;
}

function parseIfMatch(header: unknown): number | undefined {
  if (header === undefined || header === '') return undefined;
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(String(header));
  if (!m)
    throw new BadRequestException({
      message: 'If-Match must be an article version such as "3"',
      details: [{ path: 'If-Match', message: 'must be a version number' }],
    });
  return Number(m[1]);
}

function parseIdempotencyKey(header: unknown): string | undefined {
  if (header === undefined) return undefined;
  const key = String(header);
  if (!/^[\w.:-]{1,200}$/.test(key)) {
    throw new BadRequestException({
      message: 'Idempotency-Key must be 1-200 letters, digits, dots, colons, dashes or underscores',
      details: [{ path: 'Idempotency-Key', message: 'invalid format' }],
    });
  }
  return key;
}

/**
 * The request's fingerprint over its canonical path; while keys recorded under the raw path may
 * still be alive (one time to live after the change), that one is accepted too.
 */
function fingerprints(key: string, method: string, url: string, body: unknown) {
  const requestHash = hashOf(`${method} ${canonicalPath(url)}`, body);
  const legacy = hashOf(`${method} ${url.split('?')[0]}`, body);
  return { key, requestHash, ...(legacy === requestHash ? {} : { legacyRequestHash: legacy }) };
}

export const Write = createParamDecorator((_: unknown, ctx: ExecutionContext): WriteRequest => {
  const req = ctx.switchToHttp().getRequest();
  const key = parseIdempotencyKey(req.headers['idempotency-key']);
  return {
    user: req.user,
    ifMatch: parseIfMatch(req.headers['if-match']),
    idempotency: key === undefined ? undefined : fingerprints(key, req.method, req.originalUrl, req.body),
    correlationId: typeof req.id === 'string' ? req.id : randomUUID(),
  };
});
