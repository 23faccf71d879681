import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { AuthUser } from './auth.guard';

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest().user;
});
