import { Body, Controller, Param, ParseUUIDPipe, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedRequest } from '../../auth/auth.guard';
import { Roles } from '../../auth/roles.decorator';
import { UserChangeRunner } from '../shared/user-change.runner';
import { UserRolesDto } from '../shared/user-roles.dto';
import { userView } from '../shared/user.view';

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/admin/users')
export class SetUserRolesController {
  constructor(private readonly runner: UserChangeRunner) {}

  /** Replaces the account's roles and ends its sessions: its old tokens are refused from now on. */
  @Put(':id/roles')
  @Roles('admin')
  async setRoles(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UserRolesDto,
    @Req() req: AuthenticatedRequest,
  ) {
    const command = { type: 'SetUserRoles', data: { roles: body.roles } } as const;
    const row = await this.runner.requestedBy(req, {
      userId: id,
      command,
    });
    return userView(row);
  }
}
