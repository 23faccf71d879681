import { Controller, Get, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { UserHistoryEntry } from '@newsroom/contracts';
import { EventStore, verifyHashChain } from '@newsroom/event-store';
import { Roles } from '../../auth/roles.decorator';
import { UsersTable } from '../../auth/users.table';
import { userStreamId } from '../shared/user-account.decide';

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/admin/users')
export class UserHistoryController {
  constructor(
    private readonly store: EventStore,
    private readonly users: UsersTable,
  ) {}

  /** Every audited change to the account, oldest first, with whether its hash chain holds. */
  @Get(':id/history')
  @Roles('admin', 'auditor')
  async history(@Param('id', new ParseUUIDPipe()) id: string) {
    const events = await this.store.readStream(userStreamId(id));
    if (events.length === 0 && !(await this.users.byId(id))) throw new NotFoundException(`No user with id ${id}`);
    const items: UserHistoryEntry[] = events.map((e) => ({
      version: e.version,
      type: e.type as UserHistoryEntry['type'],
      occurredAt: e.occurredAt,
      actor: { id: e.metadata.actor.id, name: e.metadata.actor.name, role: e.metadata.actor.role },
      data: e.data,
      hash: e.hash,
    }));
    return { items, verified: verifyHashChain(events).valid };
  }
}
