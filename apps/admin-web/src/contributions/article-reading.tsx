import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { ArticleView } from '@newsroom/contracts';
import { STATUS_LABELS } from '../components/format';
import { BodyBlockText } from './body-block.text';

/** The article as a contributor reads it: numbered blocks, so a note can say "after block 3". */
export function ArticleReading({ article }: { article: ArticleView }) {
  const c = article.working;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="article-reading-title">
      <Stack gap="xs">
        <Group gap="xs">
          <Badge variant="light" color="gray" c="dark">
            {STATUS_LABELS[article.status]}
          </Badge>
          <Text size="sm">
            Version {article.version} · read only
            {article.live ? ' · readers see the published version until the desk republishes' : ''}
          </Text>
        </Group>
        <Title order={2} size="h3" id="article-reading-title">
          {c.headline || 'Untitled'}
        </Title>
        {c.standfirst && <Text fw={500}>{c.standfirst}</Text>}
        {c.dateline && <Text size="sm">{c.dateline}</Text>}
        {c.body.length === 0 ? (
          <Text size="sm">The article has no body yet.</Text>
        ) : (
          <List type="ordered" spacing="xs" aria-label="Body blocks of the article">
            {c.body.map((b, i) => (
              <List.Item key={i}>
                <BodyBlockText block={b} photos={c.photos} />
              </List.Item>
            ))}
          </List>
        )}
        {c.contributors.length > 0 && (
          <Text size="sm">
            Credits:{' '}
            {c.contributors.map((p) => `${p.name} (${p.role}${p.affiliation ? `, ${p.affiliation}` : ''})`).join('; ')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
