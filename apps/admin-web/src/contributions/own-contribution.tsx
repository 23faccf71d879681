import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ContributionView } from '@newsroom/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { contributionCommands } from './contribution.commands';
import { ContributionCard } from './contribution.card';
import { draftOf, reviseRequestOf, type ContributionDraft } from './contribution-draft';
import { ContributionForm } from './contribution.form';
import { contributionKeys } from './contribution.queries';
import { contributionSentence, isOpen } from './contribution-status';

interface Props {
  contribution: ContributionView;
  title: ReactNode;
  /** Says what happened where the page announces it: a revised card may move to another section. */
  announce(message: string): void;
}

/** A reporter's own contribution: revise or withdraw it while the desk has not decided. */
export function OwnContribution({ contribution: c, title, announce }: Props) {
  const queries = useQueryClient();
  // What the author started revising from: the If-Match, even if a newer version arrives meanwhile.
  const [revising, setRevising] = useState<{ version: number; draft: ContributionDraft } | null>(null);
  const [withdrawing, setWithdrawing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const refresh = () => queries.invalidateQueries({ queryKey: contributionKeys.all });

  async function withdraw() {
    setBusy(true);
    try {
      await contributionCommands.withdraw(c.contributionId, c.version);
      setWithdrawing(false);
      announce('Your contribution was withdrawn.');
      await refresh();
    } catch (err) {
      setError(contributionSentence(err, 'Withdrawing'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap="xs">
      <ContributionCard contribution={c} title={title}>
        {isOpen(c) && !revising && (
          <>
            <Button size="xs" variant="default" onClick={() => setRevising({ version: c.version, draft: draftOf(c) })}>
              Revise
            </Button>
            <Button size="xs" variant="light" color="red" c="red.9" onClick={() => setWithdrawing(true)}>
              Withdraw
            </Button>
          </>
        )}
      </ContributionCard>
      {revising && (
        <ContributionForm
          label="Revise your contribution"
          submitLabel={c.status === 'changes_requested' ? 'Send the revision to the desk' : 'Save the revision'}
          initial={revising.draft}
          photosEditable={false}
          onCancel={() => setRevising(null)}
          onSubmit={async (draft) => {
            const body = reviseRequestOf(revising.draft, draft);
            if (Object.keys(body).length > 0) {
              await contributionCommands.revise(c.contributionId, revising.version, body);
            }
            setRevising(null);
            announce(Object.keys(body).length > 0 ? 'Your revision was sent to the desk.' : 'Nothing had changed.');
            await refresh();
          }}
        />
      )}
      {withdrawing && (
        <Modal
          opened
          onClose={() => setWithdrawing(false)}
          title="Withdraw this contribution?"
          closeButtonProps={{ 'aria-label': 'Close' }}
        >
          <Stack>
            <Text size="sm">The desk will no longer see it as open; it cannot be sent again after this.</Text>
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <Group justify="end">
              <Button variant="default" onClick={() => setWithdrawing(false)}>
                Keep it
              </Button>
              <Button color="red" loading={busy} onClick={withdraw}>
                Withdraw the contribution
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Stack>
  );
}
