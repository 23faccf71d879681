import { Group, Text, Title } from '@mantine/core';
import { AnchorLink } from './anchor-link';
import type { ArticleView } from '@newsroom/contracts';

/** The page's title naming the article, with the way back to it. */
export function ArticleHeading({ title, article, id }: { title: string; article?: ArticleView; id: string }) {
  return (
    <Group justify="space-between" align="end">
      <div>
        <Title order={1} size="h2">
          {title}
        </Title>
        <Text size="sm">
          {article ? `“${article.working.headline || 'Untitled'}”, now at version ${article.version}` : `Article ${id}`}
        </Text>
      </div>
      <AnchorLink to="/articles/$id" params={{ id }}>
        Back to the article
      </AnchorLink>
    </Group>
  );
}
