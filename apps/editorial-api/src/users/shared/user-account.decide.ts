import type { Role } from '@newsroom/editorial-domain';
import type { UserEventType } from '@newsroom/contracts';

// User accounts as a small pure decider. The `users` table holds the current state (login needs it by
// email); these events, stored in the account's own stream, are the audited record of each change.

export const userStreamId = (userId: string) => `user-${userId}`;

export type UserCommand =
  | { type: 'CreateUser'; data: { email: string; name: string; roles: Role[] } }
  | { type: 'SetUserRoles'; data: { roles: Role[] } }
  | { type: 'DisableUser' }
  | { type: 'EnableUser' }
  | { type: 'ResetUserPassword' };

export type UserEvent =
  | { type: 'UserCreated'; data: { email: string; name: string; roles: Role[] } }
  | { type: 'UserRolesChanged'; data: { roles: Role[]; previousRoles: Role[] } }
  | { type: 'UserDisabled'; data: Record<string, never> }
  | { type: 'UserEnabled'; data: Record<string, never> }
  | { type: 'UserPasswordReset'; data: Record<string, never> };

/** Every event type is on the wire list, and the other way round: adding one fails to compile until both agree. */
const sameTypes: [UserEvent['type'], UserEventType] extends [UserEventType, UserEvent['type']] ? true : never = true;
void sameTypes;

export interface UserState {
  id: string;
  roles: Role[];
  disabled: boolean;
}

export class UserNotFound extends Error {
  constructor(id: string) {
    super(`No user with id ${id}`);
  }
}

/** An admin may not take away their own way in: the last door would close behind them. */
export class CannotLockYourselfOut extends Error {}

/** The events a command on an account records; none when it changes nothing. */
export function decideUser(command: UserCommand, state: UserState | undefined, userId: string, actorId: string) {
  if (command.type === 'CreateUser') return [{ type: 'UserCreated', data: command.data }] satisfies UserEvent[];
  if (!state) throw new UserNotFound(userId);
  const self = actorId === state.id;
  switch (command.type) {
    case 'SetUserRoles': {
      const roles = [...new Set(command.data.roles)].sort();
      if (roles.join() === [...state.roles].sort().join()) return [];
      if (self && state.roles.includes('admin') && !roles.includes('admin')) {
        throw new CannotLockYourselfOut('You cannot take the admin role from yourself');
      }
      return [{ type: 'UserRolesChanged', data: { roles, previousRoles: state.roles } }] satisfies UserEvent[];
    }
    case 'DisableUser':
      if (self) throw new CannotLockYourselfOut('You cannot disable your own account');
      return state.disabled ? [] : ([{ type: 'UserDisabled', data: {} }] satisfies UserEvent[]);
    case 'EnableUser':
      return state.disabled ? ([{ type: 'UserEnabled', data: {} }] satisfies UserEvent[]) : [];
    case 'ResetUserPassword':
      return [{ type: 'UserPasswordReset', data: {} }] satisfies UserEvent[];
    default: {
      const never: never = command;
      return never;
    }
  }
}
