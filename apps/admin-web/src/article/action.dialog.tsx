import { Alert, Button, Group, Modal, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { ARTICLE_LIMITS, CORRECTION_KINDS } from '@newsroom/contracts';
import { useState, type FormEvent } from 'react';
import type { ActionInput, ArticleAction } from './article-actions';

interface Props {
  action: ArticleAction;
  input: ActionInput;
  error: string | null;
  onClose(): void;
  onSubmit(body: Record<string, unknown>): Promise<void>;
}

/** Asks what a transition needs (a note, a reason, a time, a kind); what was typed stays on a refusal. */
export function ActionDialog({ action, input, error, onClose, onSubmit }: Props) {
  const [text, setText] = useState('');
  const [choice, setChoice] = useState(input === 'updateKind' ? 'minor' : CORRECTION_KINDS[0]);
  const [busy, setBusy] = useState(false);

  function bodyOf(): Record<string, unknown> {
    switch (input) {
      case 'note':
        return { note: text };
      case 'reason':
        return { reason: text };
      case 'publishAt':
        return { publishAt: new Date(text).toISOString() };
      case 'updateKind':
        return { updateKind: choice };
      case 'correction':
        return { text, kind: choice };
      case 'none':
        return {};
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    await onSubmit(bodyOf()).catch(() => undefined);
    setBusy(false);
  }

  return (
    <Modal opened onClose={onClose} title={action.label} closeButtonProps={{ 'aria-label': 'Close' }}>
      <form onSubmit={submit}>
        <Stack>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          {(input === 'note' || input === 'reason' || input === 'correction') && (
            <Textarea
              label={input === 'note' ? 'Note to the reporter' : input === 'reason' ? 'Reason' : 'Correction text'}
              required
              autosize
              minRows={3}
              maxLength={input === 'correction' ? ARTICLE_LIMITS.correctionMaxLength : ARTICLE_LIMITS.noteMaxLength}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              data-autofocus
            />
          )}
          {input === 'correction' && (
            <NativeSelect
              label="Kind"
              value={choice}
              onChange={(e) => setChoice(e.currentTarget.value)}
              data={CORRECTION_KINDS.map((k) => ({ value: k, label: k }))}
            />
          )}
          {input === 'updateKind' && (
            <NativeSelect
              label="Kind of update"
              value={choice}
              onChange={(e) => setChoice(e.currentTarget.value)}
              data={[
                { value: 'minor', label: 'Minor update' },
                { value: 'major', label: 'Major update' },
              ]}
            />
          )}
          {input === 'publishAt' && (
            <TextInput
              label="Publish at (your local time)"
              type="datetime-local"
              required
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              data-autofocus
            />
          )}
          <Group justify="end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              {action.label}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
