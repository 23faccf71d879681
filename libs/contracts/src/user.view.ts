import type { Role } from '@newsroom/editorial-domain';

/** A user account as admins see it: never its password hash. */
export interface UserView {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  disabled: boolean;
  createdAt: string;
  updatedAt: string | null;
}

/** Types of the audited changes to an account, stored in its own stream `user-<id>`. */
export const USER_EVENT_TYPES = [
  'UserCreated',
  'UserRolesChanged',
  'UserDisabled',
  'UserEnabled',
  'UserPasswordReset',
] as const;
export type UserEventType = (typeof USER_EVENT_TYPES)[number];

/** One audited change to an account, oldest first; hash-chained like an article's events. */
export interface UserHistoryEntry {
  version: number;
  type: UserEventType;
  occurredAt: string;
  actor: { id: string; name: string; role: string };
  data: Record<string, unknown>;
  hash: string;
}
