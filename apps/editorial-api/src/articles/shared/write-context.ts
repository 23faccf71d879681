import { BadRequestException, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson } from '@newsroom/event-store';
import type { AuthUser } from '../../auth/auth.guard';

/** What every write request carries besides its body. */
export interface WriteContext {
  user: AuthUser;
  ifMatch?: number;
  idempotencyKey?: string;
  requestHash: string;
  correlationId: string;
  setHeader(name: string, value: string): void;
  setStatus(code: number): void;
}

export function parseIfMatch(header: unknown): number | undefined {
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

export const Write = createParamDecorator((_: unknown, ctx: ExecutionContext): WriteContext => {
  const req = ctx.switchToHttp().getRequest();
  const res = ctx.switchToHttp().getResponse();
  const requestHash = createHash('sha256')
    .update(`${req.method} ${req.originalUrl.split('?')[0]}\n${canonicalJson(req.body ?? {})}`)
    .digest('hex');
  return {
    user: req.user,
    ifMatch: parseIfMatch(req.headers['if-match']),
    idempotencyKey: parseIdempotencyKey(req.headers['idempotency-key']),
    requestHash,
    correlationId: typeof req.id === 'string' ? req.id : randomUUID(),
    setHeader: (n, v) => res.setHeader(n, v),
    setStatus: (c) => res.status(c),
  };
});
