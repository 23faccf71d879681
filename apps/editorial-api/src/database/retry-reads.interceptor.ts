import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { Observable, retry, throwError, timer } from 'rxjs';
import { isConnectionLost, RETRY_DELAY_MS } from '@newsroom/event-store';

const SAFE = new Set(['GET', 'HEAD']);

/**
 * A read whose database connection was cut runs once more, on a fresh connection from the pool: the
 * whole handler again (Nest defers it), so nothing half-read is answered. Only while nothing was sent:
 * an export that already streamed rows fails as it does today. Writes retry in `handleCommand`,
 * which knows when running again is safe.
 */
@Injectable()
export class RetryReadsInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = ctx.switchToHttp();
    if (!SAFE.has(http.getRequest<{ method: string }>().method)) return next.handle();
    const res = http.getResponse<Response>();
    return next.handle().pipe(
      retry({
        count: 1,
        delay: (err: unknown) =>
          isConnectionLost(err) && !res.headersSent ? timer(RETRY_DELAY_MS) : throwError(() => err),
      }),
    );
  }
}
