import { Button } from '@mantine/core';
import { CONTRIBUTION_ROLE_PERMISSIONS, type Role } from '@newsroom/contracts';
import { Link } from '@tanstack/react-router';

/** "My contributions" in the main navigation, for everyone who may send one (auditors may not). */
export function ContributionsNavLink({ roles }: { roles: readonly Role[] }) {
  if (!roles.some((r) => CONTRIBUTION_ROLE_PERMISSIONS[r].includes('SubmitContribution'))) return null;
  return (
    <Button component={Link} to="/contributions" variant="subtle">
      My contributions
    </Button>
  );
}
