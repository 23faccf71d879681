import { Controller, Get, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/roles.decorator';
import { UsersTable } from '../../auth/users.table';
import { userView } from '../shared/user.view';

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/admin/users')
export class GetUserController {
  constructor(private readonly users: UsersTable) {}

  @Get(':id')
  @Roles('admin')
  async get(@Param('id', new ParseUUIDPipe()) id: string) {
    const row = await this.users.byId(id);
    if (!row) throw new NotFoundException(`No user with id ${id}`);
    return userView(row);
  }
}
