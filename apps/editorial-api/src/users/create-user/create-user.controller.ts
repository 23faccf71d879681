import { Body, Controller, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { AuthenticatedRequest } from '../../auth/auth.guard';
import { PasswordHasher } from '../../auth/password.hasher';
import { Roles } from '../../auth/roles.decorator';
import { UserChangeRunner } from '../shared/user-change.runner';
import { userView } from '../shared/user.view';
import { CreateUserRequestDto } from './create-user.request.dto';

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/admin/users')
export class CreateUserController {
  constructor(
    private readonly runner: UserChangeRunner,
    private readonly hasher: PasswordHasher,
  ) {}

  /** 201 with the account; 409 when the email is taken. */
  @Post()
  @Roles('admin')
  async create(@Body() body: CreateUserRequestDto, @Req() req: AuthenticatedRequest) {
    const row = await this.runner.requestedBy(req, {
      userId: randomUUID(),
      command: { type: 'CreateUser', data: { email: body.email.toLowerCase(), name: body.name, roles: body.roles } },
      passwordHash: await this.hasher.hash(body.password),
    });
    return userView(row);
  }
}
