import { Alert, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ArticleDiff, ArticleHistory } from '@newsroom/contracts';
import { useQuery } from '@tanstack/react-query';
import { http } from '../api/http';
import { formatMoment } from '../components/format';
import { FIELD_LABELS, isReapplied, shownValue, type Conflict, type FieldKey } from './conflict.merge';
import type { FieldsDraft } from './fields-draft';
import { sentenceOf } from './refusal.sentence';

interface Props {
  articleId: string;
  conflict: Conflict;
  draft: FieldsDraft;
  reapply(field: FieldKey): void;
  reapplyAll(): void;
  /** Drops the editor's values that were not re-applied. */
  dismiss(): void;
}

/**
 * Shown when a save met a newer version: who changed what since the editor's version (the word diff
 * of the body too), and the editor's own values, each one re-applied by choice onto the new version.
 */
export function ConflictPanel({ articleId, conflict, draft, reapply, reapplyAll, dismiss }: Props) {
  const { fromVersion: from, toVersion: to } = conflict;
  const since = useQuery({
    queryKey: ['articles', 'one', articleId, 'since', from, to],
    queryFn: async () => {
      const [history, diff] = await Promise.all([
        http<ArticleHistory>(`/api/articles/${articleId}/history`),
        http<ArticleDiff>(`/api/articles/${articleId}/diff?from=${from}&to=${to}`),
      ]);
      return { entries: history.data.items.filter((e) => e.version > from && e.version <= to), diff: diff.data };
    },
    // The history is the audit trail's, which may not show version `to` yet when the conflict is met
    // (the diff is the event store's, and always does): ask again until it does.
    refetchInterval: (query) => (query.state.data?.entries.some((e) => e.version === to) === false ? 500 : false),
  });
  const all = conflict.myFields.every((f) => isReapplied(draft, conflict, f));

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="conflict-title" bg="orange.0">
      <Stack gap="sm">
        <Title order={2} size="h4" id="conflict-title">
          Someone else saved first: version {to}
        </Title>
        <Text size="sm" role="alert">
          Your changes were not saved, and nothing you typed is lost. The form now shows version {to}; put back your own
          values below, field by field or all at once, then save on version {to}.
        </Text>
        {since.isPending && <Loader size="sm" aria-label="Loading what changed" />}
        {since.isError && <Alert color="red">{sentenceOf(since.error, 'Loading what changed')}</Alert>}
        {since.data && (
          <>
            <Title order={3} size="h5">
              What changed since your version {from}
            </Title>
            <ul aria-label="Changes since your version" style={{ margin: 0 }}>
              {since.data.entries.map((e) => (
                <li key={e.version}>
                  <Text size="sm">
                    {e.actor.name} ({e.actor.role}) · version {e.version} · {formatMoment(e.occurredAt)}: {e.summary}
                  </Text>
                </li>
              ))}
            </ul>
            <Text size="sm">
              Fields changed: {since.data.diff.changes.map((c) => c.field).join(', ') || 'none of the text'}
            </Text>
            {since.data.diff.body.some((p) => p.op !== 'equal') && (
              <Text size="sm" component="p" aria-label="Word changes in the body">
                Body:{' '}
                {since.data.diff.body.map((p, i) =>
                  p.op === 'insert' ? (
                    <ins key={i}>{p.text}</ins>
                  ) : p.op === 'delete' ? (
                    <del key={i}>{p.text}</del>
                  ) : (
                    <span key={i}>{p.text}</span>
                  ),
                )}
              </Text>
            )}
          </>
        )}
        <Title order={3} size="h5">
          Your values
        </Title>
        <Table aria-label="Your values and the current ones" withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Field</Table.Th>
              <Table.Th scope="col">Yours</Table.Th>
              <Table.Th scope="col">Now in the form</Table.Th>
              <Table.Th scope="col">Action</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {conflict.myFields.map((f) => (
              <Table.Tr key={f}>
                <Table.Th scope="row">{FIELD_LABELS[f]}</Table.Th>
                <Table.Td>{shownValue(conflict.mine, f)}</Table.Td>
                <Table.Td>{shownValue(draft, f)}</Table.Td>
                <Table.Td>
                  {isReapplied(draft, conflict, f) ? (
                    <Text size="sm">Re-applied</Text>
                  ) : (
                    <Button size="xs" onClick={() => reapply(f)}>
                      Re-apply my {FIELD_LABELS[f]}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group>
          <Button onClick={reapplyAll} disabled={all}>
            Re-apply all my changes
          </Button>
          <Button variant="default" onClick={dismiss}>
            Keep version {to} as it is
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
