import { Progress, Text } from '@mantine/core';
import type { RebuildStatusView } from '@newsroom/contracts';
import { Instant } from '../history/instant';

const STATES: Record<RebuildStatusView['state'], string> = {
  replay: 'Replaying events',
  switch: 'Indexing and switching in',
  done: 'Rebuilt',
  failed: 'Rebuild failed',
  interrupted: 'Rebuild interrupted',
};

/** A rebuild's state in words, its events replayed of the total, and a bar while it runs. */
export function RebuildProgress({ name, rebuild }: { name: string; rebuild: RebuildStatusView | null }) {
  if (!rebuild) return <Text size="sm">Never rebuilt</Text>;
  const running = rebuild.state === 'replay' || rebuild.state === 'switch';
  const percent = rebuild.total > 0 ? Math.min(100, Math.round((rebuild.events / rebuild.total) * 100)) : 0;
  return (
    <div>
      <Text size="sm" role={running ? 'status' : undefined}>
        {STATES[rebuild.state]}: {rebuild.events.toLocaleString('en')} of {rebuild.total.toLocaleString('en')} events
        {running ? ` (${percent}%)` : ''}
      </Text>
      {running && (
        <Progress value={percent} aria-label={`Rebuild of ${name}: ${percent}% of events replayed`} size="sm" mt={4} />
      )}
      {(rebuild.state === 'failed' || rebuild.state === 'interrupted') && (
        <Text size="sm" c="red.9">
          Why: {rebuild.error}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {rebuild.finishedAt ? 'Finished ' : 'Started '}
        <Instant iso={rebuild.finishedAt ?? rebuild.startedAt} />
      </Text>
    </div>
  );
}
