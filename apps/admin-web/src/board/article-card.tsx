import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import type { ArticleListItem } from '@newsroom/contracts';
import { Link } from '@tanstack/react-router';
import { formatMoment } from '../components/format';

export function ArticleCard({ item }: { item: ArticleListItem }) {
  return (
    <Card withBorder padding="sm" component="article" aria-label={item.headline}>
      <Stack gap={6}>
        <Anchor fw={600} renderRoot={(props) => <Link to="/articles/$id" params={{ id: item.id }} {...props} />}>
          {item.headline}
        </Anchor>
        {item.sections.length > 0 && (
          <Group gap={4} aria-label="Sections">
            {item.sections.map((s) => (
              <Badge key={s} variant="light" color="indigo">
                {s}
              </Badge>
            ))}
          </Group>
        )}
        {item.contributors.length > 0 && <Text size="sm">By {item.contributors.join(', ')}</Text>}
        <Text size="xs" c="dimmed">
          Version {item.version} · changed {formatMoment(item.updatedAt)}
          {item.publishedAt && ` · published ${formatMoment(item.publishedAt)}`}
        </Text>
        {item.status === 'scheduled' && (
          <Badge color="grape" variant="outline">
            Scheduled
          </Badge>
        )}
      </Stack>
    </Card>
  );
}
