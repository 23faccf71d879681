import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config';
import { LoginThrottle } from './login.throttle';
import { PasswordHasher } from './password.hasher';
import { SessionsTable } from './sessions.table';
import { ttlSeconds } from './token-ttl';
import { UsersTable } from './users.table';

/** Refused: too many failed logins for the account or the client address. */
export class LoginThrottled extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many failed logins: try again in ${retryAfterSeconds} s`);
  }
}

/** The same refusal for an unknown email, a wrong password and a disabled account. */
export class InvalidCredentials extends Error {
  constructor() {
    super('Email or password is incorrect');
  }
}

/** What a token carries: who, and which session; roles are read from the store on each request. */
export interface TokenClaims {
  sub: string;
  sid: string;
}

@Injectable()
export class LoginService {
  private readonly ttl: number;

  constructor(
    private readonly users: UsersTable,
    private readonly sessions: SessionsTable,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly jwt: JwtService,
    config: AppConfig,
  ) {
    this.ttl = ttlSeconds(config.env.JWT_TTL);
  }

  /** The same steps, in the same order, whether the account exists or not: timing tells nothing. */
  async login(email: string, password: string, address: string) {
    const wait = await this.throttle.retryAfter(email, address);
    if (wait !== undefined) throw new LoginThrottled(wait);
    const user = await this.users.byEmail(email);
    const check = user
      ? await this.hasher.check(password, user.password_hash)
      : await this.hasher.checkNobody(password);
    if (!user || !check.ok || user.disabled_at) {
      await this.throttle.failed(email, address);
      throw new InvalidCredentials();
    }
    if (check.needsRehash) await this.users.upgradeHash(user.id, user.password_hash, await this.hasher.hash(password));
    await this.throttle.succeeded(email);
    const session = await this.sessions.open(user.id, this.ttl);
    const claims: TokenClaims = { sub: user.id, sid: session.id };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.ttl });
    const { id, name, roles } = user;
    return { accessToken, expiresAt: session.expiresAt.toISOString(), user: { id, name, email: user.email, roles } };
  }
}
