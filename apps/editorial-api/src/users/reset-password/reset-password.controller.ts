import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedRequest } from '../../auth/auth.guard';
import { PasswordHasher } from '../../auth/password.hasher';
import { Roles } from '../../auth/roles.decorator';
import { NewPasswordDto } from '../shared/new-password.dto';
import { UserChangeRunner } from '../shared/user-change.runner';

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/admin/users')
export class ResetPasswordController {
  constructor(
    private readonly runner: UserChangeRunner,
    private readonly hasher: PasswordHasher,
  ) {}

  /** Sets a new password and ends the account's sessions; 204. */
  @Post(':id/password')
  @Roles('admin')
  @HttpCode(204)
  async reset(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: NewPasswordDto,
    @Req() req: AuthenticatedRequest,
  ): Promise<void> {
    await this.runner.requestedBy(req, {
      userId: id,
      command: { type: 'ResetUserPassword' },
      passwordHash: await this.hasher.hash(body.password),
    });
  }
}
