import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';

interface Props {
  title: string;
  children: ReactNode;
  /** The button that acts; Cancel is the one that has the focus, so Enter alone destroys nothing. */
  action: string;
  danger?: boolean;
  onClose(): void;
  onConfirm(): Promise<void>;
}

/** Asks once more before a redaction write: what it does, that it is for good. */
export function RedactionConfirmDialog({ title, children, action, danger = true, onClose, onConfirm }: Props) {
  const [busy, setBusy] = useState(false);

  async function confirm() {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={busy ? () => undefined : onClose} title={title} closeButtonProps={{ 'aria-label': 'Close' }}>
      <Stack>
        {danger && (
          <Alert color="red" role="note" title="This cannot be undone">
            <Text size="sm">
              Every version of the article — the working copy, the published story and its whole history — will read the
              passage as redacted. The text is destroyed and nobody, not even an admin, can read it again.
            </Text>
          </Alert>
        )}
        {children}
        <Group justify="end">
          <Button variant="default" onClick={onClose} disabled={busy} data-autofocus>
            Cancel
          </Button>
          <Button color={danger ? 'red' : undefined} loading={busy} onClick={() => void confirm()}>
            {action}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
