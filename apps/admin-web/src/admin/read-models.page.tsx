import { Alert, Button, Group, Loader, Modal, Stack, Table, Text, Title } from '@mantine/core';
import type { ReadModelStatusView } from '@newsroom/contracts';
import { useState } from 'react';
import { Instant } from '../history/instant';
import { RebuildProgress } from './rebuild.progress';
import { useDeadLetters, useReadModels, useRebuild } from './read-models.queries';

function lagText(m: ReadModelStatusView): string {
  if (m.lagEvents === 0) return 'Caught up';
  const age = m.lagMs === null ? '' : `, ${(m.lagMs / 1000).toFixed(1)} s`;
  return `${m.lagEvents.toLocaleString('en')} events${age} behind`;
}

/** Asks before a rebuild: what it does, that the live read model keeps serving, how many events it replays. */
function ConfirmRebuild({
  target,
  events,
  onCancel,
  onConfirm,
}: {
  target: string | null;
  events: number;
  onCancel: () => void;
  onConfirm: (name: string) => void;
}) {
  const what = target === 'all' ? 'every read model' : `the read model ${target}`;
  return (
    <Modal opened={target !== null} onClose={onCancel} title={`Rebuild ${what}?`}>
      <Stack gap="sm">
        <Text size="sm">
          The rebuild replays every article event of the event store (up to position {events.toLocaleString('en')}) into
          fresh tables in the background, then switches them in at once. The live read model keeps answering until then;
          its progress shows on this page.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button color="red.9" onClick={() => target && onConfirm(target)}>
            Rebuild {target === 'all' ? 'all' : target}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function DeadLetters() {
  const letters = useDeadLetters();
  if (letters.isPending) return <Loader size="sm" aria-label="Loading dead letters" />;
  if (letters.isError) return <Alert color="red">The dead letters could not be loaded: {letters.error.message}</Alert>;
  if (letters.data.length === 0) return <Text size="sm">No open dead letters: every event was applied.</Text>;
  return (
    <Table>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>When</Table.Th>
          <Table.Th>Read model</Table.Th>
          <Table.Th>Article and version</Table.Th>
          <Table.Th>Error</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {letters.data.map((d) => (
          <Table.Tr key={d.id}>
            <Table.Td>
              <Instant iso={d.createdAt} />
            </Table.Td>
            <Table.Td>{d.projection}</Table.Td>
            <Table.Td>{d.articleId ? `${d.articleId.slice(0, 8)}, version ${d.version ?? '?'}` : 'none'}</Table.Td>
            <Table.Td>{d.error}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** `/admin/read-models` (admins): status and lag of each read model, rebuilds with live progress, dead letters. */
export function ReadModelsPage() {
  const models = useReadModels();
  const rebuild = useRebuild();
  const [asking, setAsking] = useState<string | null>(null);
  const events = Math.max(0, ...(models.data ?? []).map((m) => m.lastPosition + m.lagEvents));

  function confirm(name: string) {
    setAsking(null);
    rebuild.mutate(name);
  }

  return (
    <Stack>
      <Group justify="space-between" align="end">
        <Title order={1} size="h2">
          Read models
        </Title>
        <Button variant="default" onClick={() => setAsking('all')} disabled={rebuild.isPending}>
          Rebuild all…
        </Button>
      </Group>
      {rebuild.isError && (
        <Alert color="red" role="alert" title="The rebuild did not start">
          {rebuild.error.message}
        </Alert>
      )}
      {models.isPending && <Loader size="sm" aria-label="Loading the read models" />}
      {models.isError && <Alert color="red">The read models could not be loaded: {models.error.message}</Alert>}
      {models.data && (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Read model</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Lag</Table.Th>
              <Table.Th>Events/s</Table.Th>
              <Table.Th>Dead letters</Table.Th>
              <Table.Th>Rebuild</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {models.data.map((m) => (
              <Table.Tr key={m.name}>
                <Table.Td>{m.name}</Table.Td>
                <Table.Td>
                  {m.status}
                  {m.lastError && (
                    <Text size="xs" c="red.9">
                      Last error: {m.lastError}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{lagText(m)}</Table.Td>
                <Table.Td>{m.eventsPerSecond}</Table.Td>
                <Table.Td>{m.openDeadLetters}</Table.Td>
                <Table.Td>
                  <RebuildProgress name={m.name} rebuild={m.rebuild} />
                </Table.Td>
                <Table.Td>
                  <Button
                    variant="default"
                    size="xs"
                    onClick={() => setAsking(m.name)}
                    disabled={m.rebuild?.state === 'replay' || m.rebuild?.state === 'switch'}
                  >
                    Rebuild {m.name}…
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <section aria-labelledby="dead-letters">
        <Title order={2} size="h4" id="dead-letters" mb="xs">
          Dead letters
        </Title>
        <DeadLetters />
      </section>
      <ConfirmRebuild target={asking} events={events} onCancel={() => setAsking(null)} onConfirm={confirm} />
    </Stack>
  );
}
