import { createHash } from 'node:crypto';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';

export interface LoginThrottleSettings {
  maxFailuresPerAccount: number;
  maxFailuresPerAddress: number;
  windowSeconds: number;
}

/**
 * Failed logins counted per account and per client address in PostgreSQL, so every API instance
 * shares the counts (rate-limiter-flexible, tables made by the sessions migration). An account or
 * address that reached its limit is refused, right password or not, until its window ends. Keys
 * are hashed: no email address is stored in clear, and any length fits the key column.
 */
export class LoginThrottle {
  private readonly byAccount: RateLimiterPostgres;
  private readonly byAddress: RateLimiterPostgres;

  constructor(ds: DataSource, s: LoginThrottleSettings) {
    const store = { storeClient: ds, storeType: 'typeorm', tableCreated: true, duration: s.windowSeconds } as const;
    this.byAccount = new RateLimiterPostgres({
      ...store,
      tableName: 'login_failures_by_account',
      points: s.maxFailuresPerAccount,
    });
    this.byAddress = new RateLimiterPostgres({
      ...store,
      tableName: 'login_failures_by_address',
      points: s.maxFailuresPerAddress,
    });
  }

  /** Seconds to wait before trying again, or undefined when a login may be tried now. */
  async retryAfter(email: string, address: string): Promise<number | undefined> {
    const waits = await Promise.all([
      this.exhausted(this.byAccount, accountKey(email)),
      this.exhausted(this.byAddress, addressKey(address)),
    ]);
    const ms = Math.max(...waits.map((w) => w ?? 0));
    return ms > 0 ? Math.ceil(ms / 1000) : undefined;
  }

  async failed(email: string, address: string): Promise<void> {
    // consume() rejects with the counts once over the limit: the failure is counted all the same.
    const count = (limiter: RateLimiterPostgres, key: string) =>
      limiter.consume(key).catch((res: unknown) => {
        if (!(res instanceof RateLimiterRes)) throw res;
      });
    await Promise.all([count(this.byAccount, accountKey(email)), count(this.byAddress, addressKey(address))]);
  }

  /** A successful login clears the account's failures; the address keeps its count. */
  async succeeded(email: string): Promise<void> {
    await this.byAccount.delete(accountKey(email));
  }

  private async exhausted(limiter: RateLimiterPostgres, key: string): Promise<number | undefined> {
    const res = await limiter.get(key);
    return res && res.consumedPoints >= limiter.points ? Math.max(res.msBeforeNext, 1) : undefined;
  }
}

const digest = (s: string) => createHash('sha256').update(s).digest('base64url');
const accountKey = (email: string) => digest(`account:${email.toLowerCase()}`);
const addressKey = (address: string) => digest(`address:${address}`);
