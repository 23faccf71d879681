import { Alert, Badge, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ArticleContentView, ArticleView, BodyBlockView } from '@newsroom/contracts';
import { STATUS_LABELS } from '../components/format';
import { describeValue } from './field-value';
import { LiveStory } from './live-story';
import { formatUtc } from './utc-time';

/** "Version 7, as of 2026-02-13 10:05 UTC — read only": the moment asked for, or the version's own. */
export function readOnlyBanner(article: ArticleView, asOf?: string): string {
  return `Version ${article.version}, as of ${formatUtc(asOf ?? article.updatedAt)} — read only`;
}

function Block({ block, content }: { block: BodyBlockView; content: ArticleContentView }) {
  switch (block.type) {
    case 'paragraph':
      return <Text>{block.text}</Text>;
    case 'subheading':
      return (
        <Title order={3} size="h5">
          {block.text}
        </Title>
      );
    case 'quote':
      return (
        <Text
          component="blockquote"
          fs="italic"
          m={0}
          pl="md"
          style={{ borderLeft: '3px solid var(--mantine-color-gray-5)' }}
        >
          “{block.text}”{block.attribution ? ` — ${block.attribution}` : ''}
        </Text>
      );
    case 'photo': {
      const photo = content.photos.find((p) => p.photoId === block.photoId);
      // The photo is named, not loaded: a past version may point at a picture that is gone.
      return (
        <Text size="sm" c="dimmed">
          [Photo: {photo ? `${photo.caption} (${photo.credit})` : 'removed from the article'}]
        </Text>
      );
    }
    default: {
      const unknown: never = block;
      return <Text size="sm">{JSON.stringify(unknown)}</Text>;
    }
  }
}

const FIELDS: [label: string, pick: (c: ArticleContentView) => unknown][] = [
  ['Standfirst', (c) => c.standfirst],
  ['Dateline', (c) => c.dateline],
  ['Sections', (c) => c.sections],
  ['Tags', (c) => c.tags],
  ['Language', (c) => c.language],
  ['Source', (c) => c.source],
  ['Embargo until', (c) => (c.embargoUntil ? formatUtc(c.embargoUntil) : null)],
  [
    'Contributors',
    (c) => c.contributors.map((p) => `${p.name} (${p.role}${p.affiliation ? `, ${p.affiliation}` : ''})`),
  ],
  ['Photos', (c) => c.photos.map((p) => `${p.caption} (${p.credit})`)],
];

/** An article as it was, with nothing to edit and a banner saying which version and moment it is. */
export function ReadOnlyArticle({ article, asOf }: { article: ArticleView; asOf?: string }) {
  const c = article.working;
  return (
    <Stack gap="sm">
      <Alert color="blue" variant="light" role="status" title={readOnlyBanner(article, asOf)}>
        <Text size="sm">
          This is the article exactly as it stood then, replayed from its history. Nothing here can be changed.
        </Text>
      </Alert>
      <Paper withBorder p="md" component="article" aria-label={`Version ${article.version} of the article`}>
        <Stack gap="sm">
          <Group gap="xs">
            <Badge variant="light" color="gray" c="dark">
              {STATUS_LABELS[article.status]}
            </Badge>
            <Text size="sm">
              Last changed by {article.updatedBy.name} ({article.updatedBy.role})
            </Text>
          </Group>
          <Title order={2} size="h3">
            {c.headline || 'Untitled'}
          </Title>
          <Table withTableBorder layout="fixed">
            <Table.Tbody>
              {FIELDS.map(([label, pick]) => (
                <Table.Tr key={label}>
                  <Table.Th scope="row" w="20%">
                    {label}
                  </Table.Th>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{describeValue(pick(c))}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Title order={3} size="h4">
            Body
          </Title>
          {c.body.length === 0 ? (
            <Text size="sm">(no body)</Text>
          ) : (
            <List listStyleType="none" spacing="xs" aria-label="Body blocks">
              {c.body.map((b, i) => (
                <List.Item key={i}>
                  <Block block={b} content={c} />
                </List.Item>
              ))}
            </List>
          )}
        </Stack>
      </Paper>
      <LiveStory article={article} past />
    </Stack>
  );
}
