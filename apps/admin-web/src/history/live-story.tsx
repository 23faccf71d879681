import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { ArticleView } from '@newsroom/contracts';
import { Instant } from './instant';

/** What readers see (or last saw), with every correction and clarification issued on it. */
export function LiveStory({ article, past = false }: { article: ArticleView; past?: boolean }) {
  const { live, corrections } = article;
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="live-story-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="live-story-title">
          Live story and corrections
        </Title>
        {live ? (
          <Text size="sm">
            Readers {article.status === 'unpublished' ? 'last saw' : 'see'} the text of version {live.version} (
            {live.updateKind === 'initial' ? 'first publication' : `${live.updateKind} update`}), published{' '}
            <Instant iso={live.publishedAt} />: “{live.content.headline}”.
          </Text>
        ) : (
          <Text size="sm">
            {past
              ? 'Not published at this version: readers had not seen it yet.'
              : 'Not published: readers have never seen this article.'}
          </Text>
        )}
        {corrections.length === 0 ? (
          live && <Text size="sm">No correction or clarification has been issued.</Text>
        ) : (
          <List aria-label="Corrections and clarifications" spacing="xs">
            {corrections.map((c, i) => (
              <List.Item key={i}>
                <Group gap="xs" align="baseline">
                  <Badge variant="light" color={c.kind === 'correction' ? 'red' : 'blue'} c="dark">
                    {c.kind === 'correction' ? 'Correction' : 'Clarification'}
                  </Badge>
                  <Instant iso={c.issuedAt} />
                </Group>
                <Text size="sm">{c.text}</Text>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Paper>
  );
}
