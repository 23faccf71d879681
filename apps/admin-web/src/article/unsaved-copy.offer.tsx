import { Alert, Button, Group, Text } from '@mantine/core';
import { formatMoment } from '../components/format';
import type { UnsavedCopy } from './unsaved-copy';

interface Props {
  copy: UnsavedCopy;
  onRestore(): void;
  onDiscard(): void;
}

/** What this browser kept from an earlier visit (a reload, an ended session, a failed save). */
export function UnsavedCopyOffer({ copy, onRestore, onDiscard }: Props) {
  return (
    <Alert color="yellow" title="Unsaved changes found">
      <Text size="sm">
        This browser kept changes you made to version {copy.baseVersion} at {formatMoment(copy.savedAt)} that were not
        saved.
      </Text>
      <Group mt="xs">
        <Button size="xs" onClick={onRestore}>
          Restore my unsaved changes
        </Button>
        <Button size="xs" variant="default" onClick={onDiscard}>
          Discard them
        </Button>
      </Group>
    </Alert>
  );
}
