import { Alert, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { RedactionAnswer, RedactionOrderView } from '@newsroom/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { queryKeys } from '../api/query-keys';
import { formatUtc } from '../history/utc-time';
import { RedactionConfirmDialog } from './redaction-confirm.dialog';
import {
  decidedBy,
  fieldCount,
  mayDecide,
  orderedSentence,
  REDACTION_STATUS_LABELS,
  redactionRefusal,
} from './redaction-order';
import { RedactionOrderForm } from './redaction-order.form';
import { redactionCommands, useRedactionOrders, type RedactionOrderInput } from './redaction.queries';
import { Announcement } from '../components/announcement';

interface Props {
  articleId: string;
  /** The version the workspace shows: every order is sent against it. */
  version: number;
  userId: string;
  dirty: boolean;
  /** The article changed (or may have, on a 412): the workspace shows at least this version. */
  changed(version?: number): Promise<void>;
}

type Decision = { kind: 'confirm' | 'decline'; order: RedactionOrderView };

/** Legal redactions (issue #12), for admins: the article's orders, and a form to order one. */
export function RedactionsPanel({ articleId, version, userId, dirty, changed }: Props) {
  const queries = useQueryClient();
  const orders = useRedactionOrders(articleId);
  const [announcement, setAnnouncement] = useState('');
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  /** Runs a write; whatever came of it, the article and everything under its key (history, orders) look again. */
  async function write(run: () => Promise<RedactionAnswer>, done: (a: RedactionAnswer) => string) {
    setAnnouncement('');
    try {
      const answer = await run();
      await changed(answer.version);
      setAnnouncement(done(answer));
    } catch (err) {
      await changed().catch(() => undefined);
      throw err;
    } finally {
      void queries.invalidateQueries({ queryKey: queryKeys.article(articleId) });
    }
  }

  const order = (input: RedactionOrderInput) =>
    write(
      () => redactionCommands.order(articleId, version, input),
      (a) => orderedSentence(a.status, a.version),
    );

  async function decide({ kind, order: o }: Decision) {
    setRefusal(null);
    try {
      await write(
        () => redactionCommands[kind](articleId, version, o.redactionId),
        (a) =>
          kind === 'confirm'
            ? orderedSentence('redacted', a.version)
            : `Declined ${o.requestedBy.name}'s order ${o.reference}: nothing was redacted.`,
      );
    } catch (err) {
      setRefusal(redactionRefusal(err, kind === 'confirm' ? 'Confirming the order' : 'Declining the order'));
    } finally {
      setDeciding(null);
    }
  }

  const list = orders.data ?? [];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="redactions-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="redactions-title">
          Legal redactions
        </Title>
        <Announcement text={announcement} />
        {orders.isError && (
          <Alert color="red" role="alert">
            The redaction orders could not be loaded: {orders.error.message}
          </Alert>
        )}
        {refusal && (
          <Alert color="red" role="alert">
            {refusal}
          </Alert>
        )}
        {orders.data && list.length === 0 && <Text size="sm">No redaction has been ordered for this article.</Text>}
        {list.length > 0 && (
          <Table.ScrollContainer minWidth={900}>
            <Table aria-label="Redaction orders, oldest first" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Requested</Table.Th>
                  <Table.Th>Requested by</Table.Th>
                  <Table.Th>Confirmed or declined by</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Legal basis</Table.Th>
                  <Table.Th>Reference</Table.Th>
                  <Table.Th>Reason</Table.Th>
                  <Table.Th>Fields</Table.Th>
                  <Table.Th>Decision</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((o) => (
                  <Table.Tr key={o.redactionId}>
                    <Table.Td>{formatUtc(o.requestedAt)}</Table.Td>
                    <Table.Td>{o.requestedBy.name}</Table.Td>
                    <Table.Td>{decidedBy(o)}</Table.Td>
                    <Table.Td>{REDACTION_STATUS_LABELS[o.status]}</Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{o.legalBasis}</Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{o.reference}</Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{o.reason}</Table.Td>
                    <Table.Td>{o.status === 'redacted' ? fieldCount(o.fields) : '—'}</Table.Td>
                    <Table.Td>
                      {mayDecide(o, userId) ? (
                        <Group gap="xs" wrap="nowrap">
                          <Button
                            size="xs"
                            color="red"
                            disabled={dirty}
                            aria-label={`Confirm order ${o.reference}`}
                            onClick={() => setDeciding({ kind: 'confirm', order: o })}
                          >
                            Confirm
                          </Button>
                          <Button
                            size="xs"
                            variant="default"
                            aria-label={`Decline order ${o.reference}`}
                            onClick={() => setDeciding({ kind: 'decline', order: o })}
                          >
                            Decline
                          </Button>
                        </Group>
                      ) : o.status === 'pending' ? (
                        'Another admin confirms or declines it'
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <RedactionOrderForm version={version} dirty={dirty} order={order} />
      </Stack>
      {deciding && (
        <RedactionConfirmDialog
          title={deciding.kind === 'confirm' ? 'Confirm this redaction for good?' : 'Decline this redaction?'}
          action={deciding.kind === 'confirm' ? 'Confirm and redact' : 'Decline the order'}
          danger={deciding.kind === 'confirm'}
          onClose={() => setDeciding(null)}
          onConfirm={() => decide(deciding)}
        >
          <Text size="sm">
            {deciding.order.requestedBy.name} asked on {formatUtc(deciding.order.requestedAt)} under{' '}
            {deciding.order.legalBasis} ({deciding.order.reference}): {deciding.order.reason}
          </Text>
          {deciding.kind === 'decline' && (
            <Text size="sm">Declining leaves the article as it is; the order stays on record as declined.</Text>
          )}
        </RedactionConfirmDialog>
      )}
    </Paper>
  );
}
