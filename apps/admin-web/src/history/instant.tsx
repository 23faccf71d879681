import { Text } from '@mantine/core';
import { formatLocal, formatUtc } from './utc-time';

/** An instant in UTC, with the reader's local time beside it, smaller. */
export function Instant({ iso }: { iso: string }) {
  return (
    <span>
      <time dateTime={iso}>{formatUtc(iso)}</time>{' '}
      <Text span size="xs" c="dimmed">
        (local: {formatLocal(iso)})
      </Text>
    </span>
  );
}
