import type { ContributionEventEnvelope } from '@newsroom/contracts';
import {
  evolveContribution,
  isContributionEventType,
  type ContributionEvent,
  type ContributionSnapshot,
} from '@newsroom/editorial-domain';
import { SUPPORTED_SCHEMA_VERSION, type ProjectedActor } from './projected-event';
import { UnprojectableEvent, VersionGap } from './projection.errors';

/** The runner's row of one contribution stream: the domain's snapshot, and where it was last moved. */
export interface ContributionRow extends ContributionSnapshot {
  /** Who made the latest change, with the role the envelope gives. */
  updatedBy: ProjectedActor;
  lastPosition: number;
}

/** An envelope as the ids an error names: a contribution error reads as "article <contribution id>" otherwise. */
const described = (e: ContributionEventEnvelope) => ({ ...e, articleId: `contribution ${e.contributionId}` });

/** The domain event inside a contribution envelope; unknown types and schemas are unprojectable. */
export function toContributionEvent(e: ContributionEventEnvelope): ContributionEvent {
  if (!isContributionEventType(e.type)) throw new UnprojectableEvent(described(e), `unknown event type ${e.type}`);
  if (e.schemaVersion !== SUPPORTED_SCHEMA_VERSION) {
    throw new UnprojectableEvent(described(e), `unsupported schema version ${e.schemaVersion} of ${e.type}`);
  }
  if (typeof e.data !== 'object' || e.data === null || Array.isArray(e.data)) {
    throw new UnprojectableEvent(described(e), `data of ${e.type} is not an object`);
  }
  return { type: e.type, data: e.data } as ContributionEvent;
}

/**
 * The contribution row after one event, from the domain's own evolve. Idempotent (a redelivered
 * event returns the row unchanged); VersionGap for an event that skips ahead.
 */
export function evolveContributionRow(row: ContributionRow | null, e: ContributionEventEnvelope): ContributionRow {
  if (row && row.contributionId !== e.contributionId) {
    throw new UnprojectableEvent(described(e), `offered to the row of contribution ${row.contributionId}`);
  }
  if (row && e.version <= row.version) return row;
  const expected = (row?.version ?? 0) + 1;
  if (e.version !== expected) throw new VersionGap(`contribution ${e.contributionId}`, expected, e.version);
  const event = toContributionEvent(e);
  if (event.type === 'ContributionSubmitted' && event.data.contributionId !== e.contributionId) {
    throw new UnprojectableEvent(described(e), `ContributionSubmitted names contribution ${event.data.contributionId}`);
  }
  const actor = { id: e.actor.id, name: e.actor.name };
  const next = evolveContribution(row ? snapshotOf(row) : { status: 'none' }, event, {
    occurredAt: e.occurredAt,
    actor,
  });
  if (next.status === 'none') throw new UnprojectableEvent(described(e), 'the domain produced no contribution');
  return { ...next, updatedBy: { ...e.actor }, lastPosition: e.position };
}

function snapshotOf(row: ContributionRow): ContributionSnapshot {
  const { updatedBy: _updatedBy, lastPosition: _lastPosition, ...snapshot } = row;
  return snapshot;
}

/** Still waiting on the desk: what the board card counts. */
export const OPEN_CONTRIBUTION_STATUSES = ['submitted', 'changes_requested'] as const;
