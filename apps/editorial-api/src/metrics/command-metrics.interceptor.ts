import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import type { Response } from 'express';
import type { AnswerFacts } from './api.metrics';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
const handlerCounts = new WeakMap<object, number>();

/** Route handlers a controller declares: one for a use-case controller, several for the others. */
function routeHandlers(controller: { prototype: object }): number {
  let n = handlerCounts.get(controller);
  if (n === undefined) {
    const proto = controller.prototype as Record<string, unknown>;
    n = Object.getOwnPropertyNames(proto).filter(
      (k) => k !== 'constructor' && typeof proto[k] === 'function' && Reflect.hasMetadata(PATH_METADATA, proto[k]!),
    ).length;
    handlerCounts.set(controller, n);
  }
  return n;
}

/**
 * Names each write for the commands counter after its use case: `DraftArticleController` counts as
 * `DraftArticle`; a controller of several writes adds the handler (`Auth.login`). Set before the
 * handler runs, so its refusals and failures are counted under the same name.
 */
@Injectable()
export class CommandMetricsInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler) {
    const http = ctx.switchToHttp();
    if (!READS.has(http.getRequest<{ method: string }>().method)) {
      const controller = ctx.getClass();
      const name = controller.name.replace(/Controller$/, '');
      (http.getResponse<Response>().locals as AnswerFacts).command =
        routeHandlers(controller) > 1 ? `${name}.${ctx.getHandler().name}` : name;
    }
    return next.handle();
  }
}
