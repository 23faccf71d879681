import { Badge, VisuallyHidden } from '@mantine/core';
import { useLiveStatus, type LiveStatus } from './live-updates';

const SHOWN: Record<LiveStatus, { label: string; color: string }> = {
  connecting: { label: 'Connecting…', color: 'gray' },
  live: { label: 'Live', color: 'teal' },
  reconnecting: { label: 'Reconnecting…', color: 'orange' },
  offline: { label: 'Offline: reload to see changes', color: 'red' },
};

/**
 * The stream's state, discreet but announced. A polite live region rather than role="status": the
 * workspace's save state is the page's status, and tests (and people) find that one by its role.
 */
export function LiveStatusIndicator() {
  const { label, color } = SHOWN[useLiveStatus()];
  return (
    <div aria-live="polite" aria-atomic="true">
      {/* Black text: the light variant's own text colours (teal, orange) fail AA contrast on their tints. */}
      <Badge variant="light" color={color} c="black" size="lg" radius="sm">
        <VisuallyHidden>Live updates: </VisuallyHidden>
        {label}
      </Badge>
    </div>
  );
}
