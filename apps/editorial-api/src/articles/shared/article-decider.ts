import { ArticleCommand, ArticleEvent, ArticleState, decide, evolve, initialArticleState } from '@newsroom/editorial-domain';
import type { Decider } from '@newsroom/event-store';

/** The domain's decider in the shape the event store's pipeline runs. */
export const articleDecider: Decider<ArticleCommand, ArticleState, ArticleEvent> = {
  initialState: initialArticleState,
  decide,
  evolve,
};
