import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/roles.decorator';
import { UsersTable } from '../../auth/users.table';
import { userView } from '../shared/user.view';

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/admin/users')
export class ListUsersController {
  constructor(private readonly users: UsersTable) {}

  /** Every account by email, without password hashes. */
  @Get()
  @Roles('admin')
  async list() {
    return { items: (await this.users.list()).map(userView) };
  }
}
