import { Group } from '@mantine/core';
import { AnchorLink } from './anchor-link';

/** The workspace's way into the article's past: every version, compare, read-only versions. */
export function HistoryLink({ articleId }: { articleId: string }) {
  return (
    <Group gap="md">
      <AnchorLink to="/articles/$id/history" params={{ id: articleId }} size="sm">
        History and compare versions
      </AnchorLink>
      <AnchorLink to="/articles/$id/versions" params={{ id: articleId }} size="sm">
        Open a past version or moment read only
      </AnchorLink>
    </Group>
  );
}
