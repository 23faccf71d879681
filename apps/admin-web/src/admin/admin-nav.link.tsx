import { Button } from '@mantine/core';
import type { Role } from '@newsroom/contracts';
import { Link } from '@tanstack/react-router';

/** "Read models" in the main navigation, for admins: only they may rebuild. */
export function AdminNavLink({ roles }: { roles: readonly Role[] }) {
  if (!roles.includes('admin')) return null;
  return (
    <Button component={Link} to="/admin/read-models" variant="subtle">
      Read models
    </Button>
  );
}
