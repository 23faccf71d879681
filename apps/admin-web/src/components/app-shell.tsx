import { AppShell, Button, Group, Text, Title } from '@mantine/core';
import { Link, Outlet, useNavigate } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { http } from '../api/http';
import { AdminNavLink } from '../admin/admin-nav.link';
import { AuditNavLink } from '../audit/audit-nav.link';
import { sessionStore, useSession } from '../auth/session';
import { ContributionsNavLink } from '../contributions/contributions-nav.link';
import { LiveStatusIndicator } from '../live/live-status.indicator';

/** Every page after sign-in: the navigation the user's roles may use, who is signed in, sign out. */
export function Shell() {
  const session = useSession();
  const navigate = useNavigate();
  const queries = useQueryClient();
  if (!session) return null;

  async function signOut() {
    // The session ends on the server too, so the token is useless even if it was copied.
    await http('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
    sessionStore.end();
    queries.clear();
    await navigate({ to: '/sign-in', search: { reason: 'signed-out' } });
  }

  return (
    <AppShell header={{ height: 56 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group>
            <Title order={1} size="h4">
              Newsroom
            </Title>
            <nav aria-label="Main">
              <Group gap="xs">
                <Button component={Link} to="/board" variant="subtle">
                  Board
                </Button>
                <ContributionsNavLink roles={session.user.roles} />
                <AuditNavLink roles={session.user.roles} />
                <AdminNavLink roles={session.user.roles} />
              </Group>
            </nav>
          </Group>
          <Group>
            <LiveStatusIndicator />
            <Text size="sm">
              {session.user.name} · {session.user.roles.join(', ')}
            </Text>
            <Button variant="default" onClick={signOut}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
