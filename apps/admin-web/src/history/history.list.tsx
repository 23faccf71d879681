import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { HistoryEntry } from '@newsroom/contracts';
import type { ReactNode } from 'react';
import { FieldChangesTable } from './field-changes.table';
import { Instant } from './instant';

interface Props {
  entries: readonly HistoryEntry[];
  /** Links for one version (open it, compare it): the page that shows the list decides where they go. */
  actions?: (entry: HistoryEntry) => ReactNode;
  /** The timeline opens every entry's field changes; the history panel keeps them folded. */
  expanded?: boolean;
  label: string;
}

/** Every version, newest first: who, in which role, when, what they did and which fields changed. */
export function HistoryList({ entries, actions, expanded = false, label }: Props) {
  const newestFirst = [...entries].reverse();
  return (
    <Stack component="ol" aria-label={label} gap="xs" p={0} style={{ listStyle: 'none' }}>
      {newestFirst.map((e) => (
        <Paper component="li" withBorder p="sm" key={e.version} aria-label={`Version ${e.version}`}>
          <Group justify="space-between" align="start" wrap="nowrap">
            <Stack gap={2}>
              <Group gap="xs">
                <Badge variant="light" color="gray" c="dark">
                  Version {e.version}
                </Badge>
                <Text fw={600} size="sm">
                  {e.summary}
                </Text>
              </Group>
              <Text size="sm">
                {e.actor.name} ({e.actor.role}) · <Instant iso={e.occurredAt} />
              </Text>
              <Text size="xs" c="dimmed">
                Event {e.type}
              </Text>
            </Stack>
            {actions && <Group gap="xs">{actions(e)}</Group>}
          </Group>
          {e.changes.length > 0 && (
            <details open={expanded} style={{ marginTop: 8 }}>
              <summary style={{ cursor: 'pointer', minHeight: 24, paddingBlock: 2 }}>
                Field changes in version {e.version} ({e.changes.length})
              </summary>
              <FieldChangesTable changes={e.changes} caption={`What version ${e.version} changed`} />
            </details>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
