import { Body, Controller, HttpCode, Post, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ApiTags } from '@nestjs/swagger';
import { LoginRequestDto } from './login.request.dto';
import { Public } from './public.decorator';
import { UsersService } from './users.service';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  async login(@Body() body: LoginRequestDto) {
    const user = await this.users.findByEmail(body.email);
    // Same answer for an unknown email and a wrong password: no account enumeration.
    if (!user || !(await this.users.verifyPassword(body.password, user.password_hash))) {
      throw new UnauthorizedException('Email or password is incorrect');
    }
    const accessToken = await this.jwt.signAsync({
      sub: user.id,
      name: user.name,
      email: user.email,
      roles: user.roles,
    });
    return { accessToken, user: { id: user.id, name: user.name, email: user.email, roles: user.roles } };
  }
}
