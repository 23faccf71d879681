export type Role = 'reporter' | 'editor' | 'auditor' | 'admin';
export const ROLES = ['reporter', 'editor', 'auditor', 'admin'] as const satisfies readonly Role[];

/** `role` is the role the actor is acting in now; `roles` all it holds. The scheduler acts as 'system'. */
export interface Actor {
  id: string;
  name: string;
  role: Role | 'system';
  roles: readonly (Role | 'system')[];
}

export type ActingRole = Role | 'system';

/** Who recorded an event, as its aggregates remember them. */
export interface ActorRef {
  id: string;
  name: string;
}
