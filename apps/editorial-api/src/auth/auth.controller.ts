import { Body, Controller, HttpCode, HttpException, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AuthenticatedRequest } from './auth.guard';
import { LoginRequestDto } from './login.request.dto';
import { InvalidCredentials, LoginService, LoginThrottled } from './login.service';
import { Public } from './public.decorator';
import { SessionRevoker } from './session.revoker';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly logins: LoginService,
    private readonly revoker: SessionRevoker,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  async login(@Body() body: LoginRequestDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    try {
      return await this.logins.login(body.email, body.password, req.ip ?? req.socket.remoteAddress ?? 'unknown');
    } catch (err) {
      if (err instanceof InvalidCredentials) throw new UnauthorizedException(err.message);
      if (err instanceof LoginThrottled) {
        res.setHeader('Retry-After', String(err.retryAfterSeconds));
        throw new HttpException(err.message, 429);
      }
      throw err;
    }
  }

  /** Ends the session of the token used: refused at once here, within AUTH_CACHE_MS on other instances. */
  @Post('logout')
  @ApiBearerAuth()
  @HttpCode(204)
  async logout(@Req() req: AuthenticatedRequest): Promise<void> {
    await this.revoker.endSession(req.sessionId);
  }
}
