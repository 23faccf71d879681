import { decideContribution } from './contribution.decide';
import { evolveContribution } from './contribution.evolve';
import { initialContributionState } from './contribution.state';

/** The decider as one value, in the shape the event store's `foldEvents` and the spec helpers take. */
export const contributionDecider = Object.freeze({
  initialState: initialContributionState,
  decide: decideContribution,
  evolve: evolveContribution,
});
