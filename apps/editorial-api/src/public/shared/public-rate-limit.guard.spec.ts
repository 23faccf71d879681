import { HttpException, type ExecutionContext } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { parseApiEnv } from '../../config/api-env.schema';
import { PublicRateLimitGuard } from './public-rate-limit.guard';

/** A request from `address`, and the headers the guard set on its response. */
function requestFrom(address: string) {
  const headers: Record<string, string> = {};
  const ctx = {
    switchToHttp: () => ({
      getRequest: () => ({ socket: { remoteAddress: address } }),
      getResponse: () => ({ setHeader: (n: string, v: string) => void (headers[n] = v) }),
    }),
  } as unknown as ExecutionContext;
  return { ctx, headers };
}

describe('the public routes’ rate limit', () => {
  const guard = new PublicRateLimitGuard(new AppConfig(parseApiEnv({ PUBLIC_RATE_LIMIT_PER_S: '3' })));

  it('lets a client make PUBLIC_RATE_LIMIT_PER_S requests a second, then answers 429 with Retry-After', async () => {
    for (let i = 0; i < 3; i++) await expect(guard.canActivate(requestFrom('198.51.100.7').ctx)).resolves.toBe(true);
    const fourth = requestFrom('198.51.100.7');

    const refusal = await guard.canActivate(fourth.ctx).catch((err: unknown) => err);
    expect(refusal).toBeInstanceOf(HttpException);
    expect((refusal as HttpException).getStatus()).toBe(429);
    expect(Number(fourth.headers['Retry-After'])).toBeGreaterThanOrEqual(1);
  });

  it('counts each client address on its own', async () => {
    await expect(guard.canActivate(requestFrom('203.0.113.9').ctx)).resolves.toBe(true);
  });
});
