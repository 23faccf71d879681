import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ConcurrencyConflict, IdempotencyKeyReused, isConnectionLost } from '@newsroom/event-store';
import { DomainError } from '@newsroom/editorial-domain';
import { RebuildInProgress } from '@newsroom/read-models';
import { Problem, problem } from './problem';
import { domainErrorStatus } from './domain-error.status';

/** Seconds a client waits before retrying while the database is away: a failover takes a few. */
export const DATABASE_RETRY_AFTER_S = 2;

/** Maps every failure to the API's JSON error; only a real fault is a 500, and it never leaks a stack. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly log = new Logger('ErrorFilter');

  catch(err: unknown, host: ArgumentsHost) {
    const res = host.switchToHttp().getResponse();
    if (isConnectionLost(err)) {
      // Not a fault of the request nor of the code: the database is away (failover, restart).
      this.log.warn({ err: (err as Error).message }, 'Database unavailable');
      res.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_S));
      res.locals.errorCode = 'DATABASE_UNAVAILABLE';
      const message = 'The database is unavailable; retry shortly (with the same Idempotency-Key or If-Match)';
      return res.status(503).json(problem(503, message, { code: 'DATABASE_UNAVAILABLE' }));
    }
    const body = this.toProblem(err);
    if (body.statusCode >= 500) this.log.error({ err }, 'Unhandled error');
    if (body.code) res.locals.errorCode = body.code; // for the commands counter
    res.status(body.statusCode).json(body);
  }

  private toProblem(err: unknown): Problem {
    if (err instanceof DomainError) {
      return problem(domainErrorStatus(err), err.message, { code: err.code, ...(err.data as Record<string, unknown>) });
    }
    if (err instanceof ConcurrencyConflict) {
      return problem(412, `The article changed since you loaded it: it is now at version ${err.currentVersion}`, {
        currentVersion: err.currentVersion,
      });
    }
    if (err instanceof IdempotencyKeyReused) return problem(422, err.message);
    if (err instanceof RebuildInProgress) return problem(409, err.message);
    // Express middleware errors (the body parser's verify hook) reach here wrapped by Nest's adapter.
    if (err instanceof HttpException && err.cause instanceof HttpException) return this.toProblem(err.cause);
    if (err instanceof HttpException) {
      const status = err.getStatus();
      const r = err.getResponse();
      if (typeof r === 'string') return problem(status, r);
      const o = r as Record<string, unknown>;
      // Terminus's health report is already the documented body of /health.
      if (o.status === 'error' && o.details) return { statusCode: status, ...o } as unknown as Problem;
      const message = Array.isArray(o.message) ? o.message.join('; ') : String(o.message ?? err.message);
      return problem(status, message, {
        ...(o.details ? { details: o.details as Problem['details'] } : {}),
        ...(typeof o.currentVersion === 'number' ? { currentVersion: o.currentVersion } : {}),
      });
    }
    const e = err as { type?: string; status?: number; statusCode?: number };
    // Errors thrown by the body parser before any controller runs.
    if (e?.type === 'entity.too.large') return problem(413, 'The request body is too large');
    if (e?.type === 'entity.parse.failed') return problem(400, 'The request body is not valid JSON');
    if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) return problem(e.status, 'Bad request');
    return problem(500, 'Internal server error');
  }
}
