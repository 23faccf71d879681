import { Alert, Button, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import type { ArticleStatus } from '@newsroom/contracts';
import { STATUS_LABELS } from '../components/format';
import { ArticleCard } from './article-card';
import { useBoardColumn } from './board.queries';
import type { BoardSearch } from './board.search';

export function BoardColumn({
  status,
  search,
  total,
}: {
  status: ArticleStatus;
  search: BoardSearch;
  /** The status's total under the filters, once the counts have arrived. */
  total: number | undefined;
}) {
  const column = useBoardColumn(status, search);
  const items = column.data?.pages.flatMap((p) => p.items) ?? [];
  const label = STATUS_LABELS[status];
  const count = total === undefined ? '…' : String(total);
  const headingId = `column-${status}`;
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p="sm" bg="gray.0">
      <Title order={2} size="h5" id={headingId} mb="sm">
        {label}{' '}
        <Text span c="dimmed" size="sm">
          ({count}
          <VisuallyHidden> {total === 1 ? 'article' : 'articles'}</VisuallyHidden>)
        </Text>
      </Title>
      <Stack gap="sm">
        {column.isError && <Alert color="red">{column.error.message}</Alert>}
        {column.isPending && <Text size="sm">Loading…</Text>}
        {!column.isPending && items.length === 0 && (
          <Text size="sm" c="dimmed">
            No articles
          </Text>
        )}
        {items.map((item) => (
          <ArticleCard key={item.id} item={item} />
        ))}
        {column.hasNextPage && (
          <Button
            variant="default"
            onClick={() => void column.fetchNextPage()}
            loading={column.isFetchingNextPage}
            aria-label={`Load more ${label.toLowerCase()} articles`}
          >
            Load more
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
