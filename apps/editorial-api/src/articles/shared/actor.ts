import type { Actor, Role } from '@newsroom/editorial-domain';
import type { AuthUser } from '../../auth/auth.guard';

const AUTHORITY: Role[] = ['admin', 'editor', 'reporter', 'auditor'];

/** A user acts in their most capable role; the event records it. */
export function actorOf(user: AuthUser): Actor {
  const role = AUTHORITY.find((r) => user.roles.includes(r)) ?? 'auditor';
  return { id: user.id, name: user.name, role, roles: user.roles };
}
