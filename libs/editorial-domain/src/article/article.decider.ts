import { decide } from './article.decide';
import { evolve } from './article.evolve';
import { initialArticleState } from './article.state';

/** The decider as one value, in the shape the event store's `handleCommand` and `foldEvents` take. */
export const articleDecider = Object.freeze({ initialState: initialArticleState, decide, evolve });
