import type { UserView } from '@newsroom/contracts';
import type { UserRow } from '../../auth/users.table';

/** The row as admins see it: everything but the password hash. */
export function userView(row: UserRow): UserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    roles: row.roles,
    disabled: row.disabled_at !== null,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: row.updated_at && new Date(row.updated_at).toISOString(),
  };
}
