import { Alert, Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { CONTRIBUTION_LIMITS as C, type ContributionView } from '@newsroom/contracts';
import { useState, type FormEvent } from 'react';
import { fieldErrorsOf } from '../article/refusal.sentence';
import { contributionSentence } from './contribution-status';

export type Decision = 'send-back' | 'reject';

const TEXT: Record<Decision, { title: string; label: string; field: string; button: string; doing: string }> = {
  'send-back': {
    title: 'Send back with a note',
    label: 'Note to the reporter',
    field: 'note',
    button: 'Send back',
    doing: 'Sending back',
  },
  reject: { title: 'Reject with a reason', label: 'Reason', field: 'reason', button: 'Reject', doing: 'Rejecting' },
};

interface Props {
  decision: Decision;
  contribution: ContributionView;
  onClose(): void;
  /** Rejects with the API's refusal; the dialog keeps the typed text. */
  onSubmit(text: string): Promise<void>;
}

/** The desk's two decisions that need words: what to change, or why not. */
export function DecisionDialog({ decision, contribution, onClose, onSubmit }: Props) {
  const t = TEXT[decision];
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [invalid, setInvalid] = useState<string | undefined>();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSubmit(text);
    } catch (err) {
      setError(contributionSentence(err, t.doing));
      setInvalid(fieldErrorsOf(err)[t.field]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={`${t.title}: ${contribution.author.name}'s contribution`}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <form onSubmit={submit} aria-label={t.title}>
        <Stack>
          <Textarea
            label={t.label}
            required
            autosize
            minRows={3}
            maxLength={decision === 'reject' ? C.reasonMaxLength : C.noteMaxLength}
            error={invalid}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            data-autofocus
          />
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Group justify="end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color={decision === 'reject' ? 'red' : undefined} loading={busy}>
              {t.button}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
