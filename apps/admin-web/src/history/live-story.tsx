import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { ArticleView, AuditItem } from '@newsroom/contracts';
import { Instant } from './instant';

/**
 * What readers see (or last saw), with every correction and clarification issued on it, and the
 * editor's note each legal redaction of a published story put beside it (`redactions`: those
 * entries of the history, when the caller has it).
 */
export function LiveStory({
  article,
  past = false,
  redactions = [],
}: {
  article: ArticleView;
  past?: boolean;
  redactions?: readonly AuditItem[];
}) {
  const { live, corrections } = article;
  const notes = live ? redactions : [];
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
        {corrections.length === 0 && notes.length === 0 ? (
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
            {notes.map((r) => (
              <List.Item key={`redaction-${r.version}`}>
                <Group gap="xs" align="baseline">
                  <Badge variant="light" color="orange" c="dark">
                    Editor’s note
                  </Badge>
                  <Instant iso={r.occurredAt} />
                </Group>
                <Text size="sm">
                  Readers are told that part of the story was removed for legal reasons (version {r.version}):{' '}
                  {r.summary}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Paper>
  );
}
