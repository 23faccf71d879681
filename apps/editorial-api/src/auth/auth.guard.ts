import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Role } from '@newsroom/editorial-domain';
import { IS_PUBLIC } from './public.decorator';
import { ALLOWED_ROLES } from './roles.decorator';
import { VerifiedTokenCache } from './verified-token.cache';

export interface AuthUser {
  id: string;
  name: string;
  email: string;
  roles: Role[];
}

/** Global guard: a valid bearer token on every route not marked @Public, then the route's roles. */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly verified = new VerifiedTokenCache<Record<string, any>>();

  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest();
    const [scheme, token] = String(req.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw new UnauthorizedException('A bearer token is required');
    try {
      const p = this.verified.get(token) ?? (await this.jwt.verifyAsync(token));
      this.verified.set(token, p);
      req.user = { id: p.sub, name: p.name, email: p.email, roles: p.roles } satisfies AuthUser;
    } catch {
      throw new UnauthorizedException('The token is invalid or expired');
    }
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (allowed && !req.user.roles.some((r: Role) => allowed.includes(r))) {
      throw new ForbiddenException(`This action needs one of the roles: ${allowed.join(', ')}`);
    }
    return true;
  }
}
