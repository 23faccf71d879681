import type { ContributionEventEnvelope } from '@newsroom/contracts';
import type { ContributionEvent } from '@newsroom/editorial-domain';
import { CONTRIBUTION_ID } from '@newsroom/testing';
import { evolveContributionRow, type ContributionRow } from './contribution-state.projection';
import { A_REPORTER, AN_EDITOR, minutesAfterEpoch } from './projection.fixtures';

const NO_HASH = '0'.repeat(64);

/** The envelope the relay would send for `event` stored as `version` of the contribution. */
export function contributionEnvelope(
  event: ContributionEvent,
  version: number,
  overrides: Partial<ContributionEventEnvelope> = {},
): ContributionEventEnvelope {
  // The reporter submits and revises; the desk decides.
  const actor = event.type === 'ContributionSubmitted' || event.type === 'ContributionRevised' ? A_REPORTER : AN_EDITOR;
  const [commandId, correlationId] = [`command-c${version}`, `correlation-c${version}`];
  return {
    eventId: `contribution-event-${version}`,
    type: event.type,
    schemaVersion: 1,
    streamType: 'contribution',
    streamId: `contribution-${CONTRIBUTION_ID}`,
    contributionId: CONTRIBUTION_ID,
    version,
    position: 2000 + version,
    occurredAt: minutesAfterEpoch(version),
    actor,
    correlationId,
    causationId: commandId,
    data: event.data,
    metadata: { actor, commandId, correlationId, causationId: commandId },
    prevHash: NO_HASH,
    hash: NO_HASH,
    ...overrides,
  };
}

/** The contribution row after a history, versions from 1. */
export function contributionRowAfter(...history: ContributionEvent[]): ContributionRow | null {
  return history
    .map((e, i) => contributionEnvelope(e, i + 1))
    .reduce<ContributionRow | null>(evolveContributionRow, null);
}
