import { Group, SimpleGrid, Stack, Title } from '@mantine/core';
import { ARTICLE_STATUSES } from '@newsroom/contracts';
import { useSearch } from '@tanstack/react-router';
import { mayAttempt } from '../auth/abilities';
import { useSession } from '../auth/session';
import { BoardColumn } from './board.column';
import { BoardFilters } from './board.filters';
import { useBoardCounts } from './board.queries';
import { NewArticleForm } from './new-article.form';

export function BoardPage() {
  const search = useSearch({ from: '/signed-in/board' });
  const session = useSession();
  const mayDraft = !!session && mayAttempt(session.user.roles, 'DraftArticle');
  const counts = useBoardCounts(search);
  return (
    <Stack>
      <Group justify="space-between" align="end">
        <Title order={1} size="h2">
          Board
        </Title>
        {mayDraft && <NewArticleForm />}
      </Group>
      <BoardFilters search={search} />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
        {ARTICLE_STATUSES.map((status) => (
          <BoardColumn key={status} status={status} search={search} total={counts.data?.byStatus[status]} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
