import { CanActivate, ExecutionContext, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig } from '../../config/app-config';

/**
 * The public routes need no login, so each client address gets PUBLIC_RATE_LIMIT_PER_S requests a
 * second per API process; past it, 429 with Retry-After. Per process and in memory: a CDN in front
 * is the real shield, this keeps one client from starving the others.
 */
@Injectable()
export class PublicRateLimitGuard implements CanActivate {
  private readonly limiter: RateLimiterMemory;

  constructor(config: AppConfig) {
    this.limiter = new RateLimiterMemory({ points: config.env.PUBLIC_RATE_LIMIT_PER_S, duration: 1 });
  }

  /** Whether a request from `address` is within its rate now (counted as one when it is). */
  admits(address: string): Promise<boolean> {
    return this.limiter.consume(address).then(
      () => true,
      (err: unknown) => {
        if (err instanceof RateLimiterRes) return false;
        throw err;
      },
    );
  }

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<Request>();
    try {
      await this.limiter.consume(req.socket.remoteAddress ?? 'unknown');
      return true;
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err;
      ctx
        .switchToHttp()
        .getResponse<Response>()
        .setHeader('Retry-After', String(Math.ceil(err.msBeforeNext / 1000)));
      throw new HttpException('Too many requests: slow down', HttpStatus.TOO_MANY_REQUESTS);
    }
  }
}
