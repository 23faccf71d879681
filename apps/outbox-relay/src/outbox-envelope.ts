import type { EventEnvelope } from '@newsroom/contracts';
import { rowToEvent, type OutboxRow } from '@newsroom/event-store';
import { envelopeOf, UnnamedStream } from '@newsroom/messaging';

export { UnnamedStream };

/** The wire envelope of one stored event, for the topic of its stream's type. */
export function toEnvelope(row: OutboxRow): EventEnvelope & Record<string, unknown> {
  return envelopeOf<EventEnvelope & Record<string, unknown>>(rowToEvent(row));
}
