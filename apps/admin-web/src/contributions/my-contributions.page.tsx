import { Alert, List, Loader, Stack, Text, Title } from '@mantine/core';
import type { ArticleListItem, ContributionView, Page } from '@newsroom/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { http, queryString } from '../api/http';
import { queryKeys } from '../api/query-keys';
import { useSession } from '../auth/session';
import { formatMoment, STATUS_LABELS } from '../components/format';
import { AnchorLink } from '../history/anchor-link';
import { useArticleChanges } from '../live/live-updates';
import { useHeadlines } from './article-headlines';
import { contributionKeys, useMyContributions } from './contribution.queries';
import { inReporterOrder } from './contribution-status';
import { OwnContribution } from './own-contribution';
import { Announcement } from '../components/announcement';

const GROUPS: { title: string; empty: string; has: (c: ContributionView) => boolean }[] = [
  { title: 'Sent back to you', empty: 'Nothing is waiting for you.', has: (c) => c.status === 'changes_requested' },
  { title: 'Waiting for the desk', empty: 'Nothing is waiting for the desk.', has: (c) => c.status === 'submitted' },
  {
    title: 'Decided',
    empty: 'No contribution has been decided yet.',
    has: (c) => c.status !== 'changes_requested' && c.status !== 'submitted',
  },
];

/** A reporter's page: what the desk sent back (with its notes) first, then what waits, then outcomes. */
export function MyContributionsPage() {
  const session = useSession();
  const queries = useQueryClient();
  const mine = useMyContributions();
  const [said, setSaid] = useState('');
  const items = inReporterOrder(mine.data ?? []);
  const headlines = useHeadlines(items.map((c) => c.articleId));
  // A merge changes its article: the outcome shows at once; other decisions arrive with the next poll.
  useArticleChanges(() => void queries.invalidateQueries({ queryKey: contributionKeys.mine() }));
  const stories = useQuery({
    queryKey: [...queryKeys.articleLists(), { contributor: session?.user.name, limit: 20 }],
    enabled: !!session,
    queryFn: async ({ signal }) =>
      (
        await http<Page<ArticleListItem>>(
          `/api/articles${queryString({ contributor: session?.user.name, limit: 20 })}`,
          { signal },
        )
      ).data.items,
  });

  return (
    <Stack maw={960}>
      <Title order={1} size="h2">
        My stories and contributions
      </Title>
      <Announcement text={said} />
      {mine.isError && (
        <Alert color="red" role="alert">
          Your contributions could not be loaded: {mine.error.message}
        </Alert>
      )}
      {mine.isPending && <Loader aria-label="Loading your contributions" />}
      {mine.data &&
        GROUPS.map((g) => {
          const shown = items.filter(g.has);
          return (
            <Stack key={g.title} component="section" aria-label={g.title} gap="xs">
              <Title order={2} size="h4">
                {g.title} ({shown.length})
              </Title>
              {shown.length === 0 && <Text size="sm">{g.empty}</Text>}
              {shown.map((c) => (
                <OwnContribution
                  key={c.contributionId}
                  contribution={c}
                  announce={setSaid}
                  title={
                    <AnchorLink to="/articles/$id/contribute" params={{ id: c.articleId }} fw={600}>
                      {headlines.get(c.articleId) ?? 'The article'}
                    </AnchorLink>
                  }
                />
              ))}
            </Stack>
          );
        })}
      <Stack component="section" aria-label="Stories that credit you" gap="xs">
        <Title order={2} size="h4">
          Stories that credit you
        </Title>
        {stories.data?.length === 0 && <Text size="sm">No story credits you yet.</Text>}
        {stories.data && stories.data.length > 0 && (
          <List spacing={4}>
            {stories.data.map((a) => (
              <List.Item key={a.id}>
                <AnchorLink to="/articles/$id/contribute" params={{ id: a.id }}>
                  {a.headline}
                </AnchorLink>{' '}
                <Text span size="sm">
                  · {STATUS_LABELS[a.status]} · version {a.version} · changed {formatMoment(a.updatedAt)}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Stack>
  );
}
