import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import type { ArticleListItem } from '@newsroom/contracts';
import { Link } from '@tanstack/react-router';
import { formatMoment } from '../components/format';
import { OpenContributionsBadge } from '../contributions/open-contributions.badge';
import { formatUtc } from '../history/utc-time';

/** A moment as the card words it, machine-readable, with the full UTC instant on hover. */
function Moment({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={formatUtc(iso)}>
      {formatMoment(iso)}
    </time>
  );
}

export function ArticleCard({ item }: { item: ArticleListItem }) {
  const embargoed = item.embargoUntil !== null && Date.parse(item.embargoUntil) > Date.now();
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
          Version {item.version} · changed <Moment iso={item.updatedAt} />
          {item.updatedBy && ` by ${item.updatedBy.name}`}
          {item.publishedAt && (
            <>
              {' · published '}
              <Moment iso={item.publishedAt} />
            </>
          )}
        </Text>
        <OpenContributionsBadge item={item} />
        {(embargoed || item.publishAt) && (
          <Group gap={4}>
            {embargoed && (
              <Badge color="red" variant="outline">
                Embargo until {formatMoment(item.embargoUntil!)}
              </Badge>
            )}
            {item.publishAt && (
              <Badge color="grape" variant="outline">
                Scheduled for {formatMoment(item.publishAt)}
              </Badge>
            )}
          </Group>
        )}
      </Stack>
    </Card>
  );
}
