import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import type { Role } from '@newsroom/editorial-domain';
import { retryOnceIfUnavailable } from '@newsroom/event-store';
import { bearerToken } from './bearer-token';
import type { TokenClaims } from './login.service';
import { IS_PUBLIC } from './public.decorator';
import { ALLOWED_ROLES } from './roles.decorator';
import { SessionCache } from './session.cache';
import { SessionsTable, SessionUser } from './sessions.table';
import { VerifiedTokenCache } from './verified-token.cache';

/** The caller as the store has them now (not as their token had them). */
export type AuthUser = SessionUser;

export interface AuthenticatedRequest extends Request {
  user: AuthUser;
  sessionId: string;
}

/**
 * Global guard: a valid bearer token on every route not marked @Public, whose session is live and
 * whose user is enabled, then the route's roles, checked against the user's current roles.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly verified = new VerifiedTokenCache<TokenClaims & { exp?: number }>();

  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
    private readonly sessions: SessionsTable,
    private readonly cache: SessionCache<SessionUser>,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = bearerToken(req.headers.authorization);
    if (!token) throw new UnauthorizedException('A bearer token is required');
    const claims = await this.claimsOf(token);
    // A token from before sessions (no sid) is refused like an ended session.
    const user = typeof claims.sid === 'string' ? await this.cache.get(claims.sid, () => this.live(claims)) : undefined;
    if (!user) throw new UnauthorizedException('The session has ended: log in again');
    req.user = user;
    req.sessionId = claims.sid;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (allowed && !user.roles.some((r) => allowed.includes(r))) {
      throw new ForbiddenException(`This action needs one of the roles: ${allowed.join(', ')}`);
    }
    return true;
  }

  private async claimsOf(token: string): Promise<TokenClaims> {
    try {
      const claims = this.verified.get(token) ?? (await this.jwt.verifyAsync<TokenClaims & { exp?: number }>(token));
      this.verified.set(token, claims);
      return claims;
    } catch {
      throw new UnauthorizedException('The token is invalid or expired');
    }
  }

  private async live(claims: TokenClaims): Promise<SessionUser | undefined> {
    // A read: safe to run again on a fresh connection when PostgreSQL cut the first (guards run before interceptors).
    const user = await retryOnceIfUnavailable(() => this.sessions.liveUser(claims.sid));
    return user?.id === claims.sub ? user : undefined;
  }
}
