import { Controller, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedRequest } from '../../auth/auth.guard';
import { Roles } from '../../auth/roles.decorator';
import { UserChangeRunner } from '../shared/user-change.runner';
import { userView } from '../shared/user.view';

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/admin/users')
export class EnableUserController {
  constructor(private readonly runner: UserChangeRunner) {}

  @Post(':id/enable')
  @Roles('admin')
  @HttpCode(200)
  async enable(@Param('id', new ParseUUIDPipe()) id: string, @Req() req: AuthenticatedRequest) {
    return userView(await this.runner.requestedBy(req, { userId: id, command: { type: 'EnableUser' } }));
  }
}
