import { Badge } from '@mantine/core';

/**
 * "2 contributions waiting" on a board card. The count comes from the article list item's
 * `openContributions` (submitted or sent back); a list that does not carry it shows nothing.
 */
export function OpenContributionsBadge({ item }: { item: object }) {
  const count = (item as { openContributions?: unknown }).openContributions;
  if (typeof count !== 'number' || count <= 0) return null;
  return (
    <Badge color="teal" variant="outline" c="dark">
      {count} {count === 1 ? 'contribution' : 'contributions'} waiting
    </Badge>
  );
}
