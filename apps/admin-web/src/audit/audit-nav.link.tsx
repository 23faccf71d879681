import { Button } from '@mantine/core';
import type { Role } from '@newsroom/contracts';
import { Link } from '@tanstack/react-router';

// The API lets every signed-in role read the log; the navigation offers it to those whose work it is.
const AUDIT_READERS: readonly Role[] = ['auditor', 'editor', 'admin'];

/** "Audit log" in the main navigation, for auditors, editors and admins. */
export function AuditNavLink({ roles }: { roles: readonly Role[] }) {
  if (!roles.some((r) => AUDIT_READERS.includes(r))) return null;
  return (
    <Button component={Link} to="/audit" variant="subtle">
      Audit log
    </Button>
  );
}
