import { Controller, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedRequest } from '../../auth/auth.guard';
import { Roles } from '../../auth/roles.decorator';
import { UserChangeRunner } from '../shared/user-change.runner';
import { userView } from '../shared/user.view';

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/admin/users')
export class DisableUserController {
  constructor(private readonly runner: UserChangeRunner) {}

  /** Refuses logins and ends the account's sessions; its history and authorship stay. */
  @Post(':id/disable')
  @Roles('admin')
  @HttpCode(200)
  async disable(@Param('id', new ParseUUIDPipe()) id: string, @Req() req: AuthenticatedRequest) {
    return userView(await this.runner.requestedBy(req, { userId: id, command: { type: 'DisableUser' } }));
  }
}
