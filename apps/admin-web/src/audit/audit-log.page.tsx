import { Alert, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import type { AuditItem } from '@newsroom/contracts';
import { useSearch } from '@tanstack/react-router';
import { AnchorLink } from '../history/anchor-link';
import { FieldChangesTable } from '../history/field-changes.table';
import { Instant } from '../history/instant';
import { AuditExportButtons } from './audit-export.buttons';
import { AuditFilters } from './audit.filters';
import { useAuditLog } from './audit.queries';
import { WholeLogPanel } from './whole-log.panel';

function Row({ item }: { item: AuditItem }) {
  return (
    <Table.Tr>
      <Table.Td>
        <Instant iso={item.occurredAt} />
      </Table.Td>
      <Table.Td>
        {item.actor.name}
        <Text size="xs">({item.actor.role})</Text>
      </Table.Td>
      <Table.Td>{item.type}</Table.Td>
      <Table.Td>
        <AnchorLink to="/audit/articles/$id" params={{ id: item.articleId }} size="sm">
          Article {item.articleId.slice(0, 8)}, version {item.version}
        </AnchorLink>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{item.summary}</Text>
        {item.changes.length > 0 && (
          <details>
            <summary style={{ cursor: 'pointer', minHeight: 24 }}>Field changes ({item.changes.length})</summary>
            <FieldChangesTable
              changes={item.changes}
              caption={`What version ${item.version} of article ${item.articleId.slice(0, 8)} changed`}
            />
          </details>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** `/audit`: the newsroom-wide log, oldest first, under filters that live in the URL. */
export function AuditLogPage() {
  const filter = useSearch({ from: '/signed-in/audit' });
  const log = useAuditLog(filter);
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack>
      <Group justify="space-between" align="end">
        <Title order={1} size="h2">
          Audit log
        </Title>
        <AuditExportButtons filter={filter} />
      </Group>
      {/* Keyed by the URL: Back and a pasted link show their own filters in the form. */}
      <AuditFilters key={JSON.stringify(filter)} filter={filter} />
      {log.isError && (
        <Alert color="red" title="The audit log could not be loaded">
          {log.error.message}
        </Alert>
      )}
      {log.isPending && <Loader aria-label="Loading the audit log" />}
      {log.data && (
        <Table withTableBorder captionSide="top" verticalSpacing="xs">
          <Table.Caption>
            {items.length} {items.length === 1 ? 'entry' : 'entries'} shown, oldest first
            {log.hasNextPage ? '; more below' : ''}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={210}>
                Time (UTC, local)
              </Table.Th>
              <Table.Th scope="col" w={150}>
                Actor (role)
              </Table.Th>
              <Table.Th scope="col" w={170}>
                Event
              </Table.Th>
              <Table.Th scope="col" w={190}>
                Article and version
              </Table.Th>
              <Table.Th scope="col">Summary and field changes</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((i) => (
              <Row key={`${i.articleId}:${i.version}`} item={i} />
            ))}
          </Table.Tbody>
        </Table>
      )}
      {log.data && items.length === 0 && <Text>No entry matches these filters.</Text>}
      {log.hasNextPage && (
        <Button variant="default" loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
          Load more
        </Button>
      )}
      <WholeLogPanel />
    </Stack>
  );
}
