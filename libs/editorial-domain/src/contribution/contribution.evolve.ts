import type { EvolveMeta } from '../article/article.evolve';
import { assertNever } from '../shared/assert-never';
import { InvalidEventSequence } from '../shared/domain-error';
import type { ContributionEvent } from './contribution.events';
import type { ContributionState } from './contribution.state';

const UNKNOWN_ACTOR = Object.freeze({ id: 'unknown', name: 'Unknown' });

/** Applies one event; an event that could not have been decided in this state throws InvalidEventSequence. */
export function evolveContribution(
  state: ContributionState,
  event: ContributionEvent,
  meta?: EvolveMeta,
): ContributionState {
  const at = meta?.occurredAt ?? '';
  if (event.type === 'ContributionSubmitted') {
    if (state.status !== 'none') throw new InvalidEventSequence(event.type, state.status, 'contribution');
    const { contributionId, articleId, blocks, photos, note, credit } = event.data;
    return {
      status: 'submitted',
      contributionId,
      articleId,
      version: 1,
      blocks,
      photos,
      note,
      credit,
      author: meta?.actor ? { id: meta.actor.id, name: meta.actor.name } : UNKNOWN_ACTOR,
      deskNote: null,
      merge: null,
      rejection: null,
      submittedAt: at,
      updatedAt: at,
    };
  }
  if (state.status === 'none') throw new InvalidEventSequence(event.type, state.status, 'contribution');
  const next = { ...state, version: state.version + 1, updatedAt: at || state.updatedAt };
  switch (event.type) {
    case 'ContributionRevised':
      return { ...next, ...event.data.changes, status: 'submitted', deskNote: null };
    case 'ContributionWithdrawn':
      return { ...next, status: 'withdrawn' };
    case 'ContributionChangesRequested':
      return { ...next, status: 'changes_requested', deskNote: event.data.note };
    case 'ContributionAccepted': {
      const { articleVersion, atBlock, credit, acceptedBy } = event.data;
      return { ...next, status: 'accepted', merge: { articleVersion, atBlock, credit, acceptedBy } };
    }
    case 'ContributionRejected':
      return { ...next, status: 'rejected', rejection: { ...event.data } };
    case 'ContributionRedacted':
      // Nothing to re-issue: the redacted fields read as markers wherever the history is replayed.
      return next;
    default:
      return assertNever(event, 'contribution event');
  }
}
