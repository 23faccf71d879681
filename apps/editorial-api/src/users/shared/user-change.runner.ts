import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { EventActor, PostgresEventStore } from '@newsroom/event-store';
import type { AuthenticatedRequest } from '../../auth/auth.guard';
import { SessionRevoker } from '../../auth/session.revoker';
import { adminActor, correlationIdOf } from './admin-actor';
import { UserRow, UsersTable } from '../../auth/users.table';
import {
  CannotLockYourselfOut,
  decideUser,
  UserCommand,
  UserEvent,
  UserNotFound,
  userStreamId,
} from './user-account.decide';

export interface UserChange {
  userId: string;
  command: UserCommand;
  actor: EventActor;
  /** The new password's hash, for a creation or a reset: the table gets it, the event never does. */
  passwordHash?: string;
  correlationId?: string;
}

/**
 * One change to a user account, all or nothing in one transaction: the row locked, the decision,
 * the table updated, the user's sessions ended where the change calls for it, and the audited events
 * appended to the account's stream (same hash chain, no outbox row: they are not for Kafka). This
 * instance forgets the user's cached sessions once committed; others within AUTH_CACHE_MS.
 */
@Injectable()
export class UserChangeRunner {
  private readonly store: PostgresEventStore;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly users: UsersTable,
    private readonly revoker: SessionRevoker,
  ) {
    this.store = new PostgresEventStore(ds);
  }

  /** The change an admin's request asks for: that admin is the actor, the request the correlation. */
  requestedBy(req: AuthenticatedRequest, change: Omit<UserChange, 'actor' | 'correlationId'>): Promise<UserRow> {
    return this.run({ ...change, actor: adminActor(req), correlationId: correlationIdOf(req) });
  }

  async run(change: UserChange): Promise<UserRow> {
    try {
      const row = await this.ds.transaction(async (m) => {
        const before = await this.users.byId(change.userId, m, true);
        const state = before && { id: before.id, roles: before.roles, disabled: before.disabled_at !== null };
        const events: UserEvent[] = decideUser(change.command, state, change.userId, change.actor.id);
        for (const event of events) await this.apply(m, change, event);
        if (events.length > 0) await this.append(m, change, events);
        return (await this.users.byId(change.userId, m))!;
      });
      this.revoker.userChanged(change.userId);
      return row;
    } catch (err) {
      if (err instanceof UserNotFound) throw new NotFoundException(err.message);
      if (err instanceof CannotLockYourselfOut) throw new ConflictException(err.message);
      throw err;
    }
  }

  private async apply(m: EntityManager, change: UserChange, event: UserEvent): Promise<void> {
    const id = change.userId;
    switch (event.type) {
      case 'UserCreated': {
        const created = await this.users.insert(m, { id, ...event.data, passwordHash: change.passwordHash! });
        if (!created) throw new ConflictException(`A user with the email ${event.data.email} already exists`);
        return;
      }
      case 'UserRolesChanged':
        await this.users.setRoles(m, id, event.data.roles);
        await this.revoker.endAllOf(m, id, 'roles changed');
        return;
      case 'UserDisabled':
        await this.users.setDisabled(m, id, true);
        await this.revoker.endAllOf(m, id, 'disabled');
        return;
      case 'UserEnabled':
        await this.users.setDisabled(m, id, false);
        return;
      case 'UserPasswordReset':
        await this.users.setPasswordHash(m, id, change.passwordHash!);
        await this.revoker.endAllOf(m, id, 'password reset');
        return;
      default: {
        const never: never = event;
        return never;
      }
    }
  }

  private async append(m: EntityManager, change: UserChange, events: UserEvent[]): Promise<void> {
    const streamId = userStreamId(change.userId);
    // The row lock taken above makes this the only writer of the stream until commit.
    const head = (await this.store.readStream(streamId, { manager: m })).at(-1) ?? null;
    const commandId = randomUUID();
    await this.store.append(
      streamId,
      head,
      events,
      { actor: change.actor, commandId, correlationId: change.correlationId ?? commandId, causationId: commandId },
      new Date().toISOString(),
      { manager: m, publish: false },
    );
  }
}
