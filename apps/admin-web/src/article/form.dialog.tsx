import { Alert, Button, Group, Modal, Stack, type ModalProps } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { fieldErrorsOf, sentenceOf, type FieldErrors } from './refusal.sentence';

interface Props {
  title: string;
  submitLabel: string;
  /** The refusal's subject: "The credit", "The photo". */
  subject: string;
  size?: ModalProps['size'];
  /** The API, not the browser, judges the fields (a URL, say), so its refusal names them. */
  noValidate?: boolean;
  onClose(): void;
  /** Rejects with the API's refusal; the dialog stays open with what was typed. */
  submit(): Promise<void>;
  /** The fields, given the errors the API named for each. */
  children(fieldErrors: FieldErrors): ReactNode;
}

/** A dialog around one small form: the refusal as a sentence, the fields it names, Cancel and submit. */
export function FormDialog({ title, submitLabel, subject, size, noValidate, onClose, submit, children }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<FieldErrors>({});

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await submit();
    } catch (err) {
      setError(sentenceOf(err, subject));
      setFields(fieldErrorsOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={title} size={size} closeButtonProps={{ 'aria-label': 'Close' }}>
      <form onSubmit={onSubmit} aria-label={title} noValidate={noValidate}>
        <Stack>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          {children(fields)}
          <Group justify="end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
