import {
  articleDecider,
  contributionDecider,
  type ArticleState,
  type ContributionSnapshot,
  type ContributionState,
} from '@newsroom/editorial-domain';
import { foldEvents, type StoredEvent } from '@newsroom/event-store';

/** A contribution as the API shows it: its state, and for an open one what accepting would change. */
export interface ContributionView extends Omit<ContributionSnapshot, 'photos'> {
  photos: ContributionSnapshot['photos'];
  preview?: { articleVersion: number; atBlock: number; before: unknown[]; after: unknown[] };
}

export function contributionOf(events: StoredEvent[]): ContributionState {
  return foldEvents(contributionDecider, events);
}

/** The article's body now, and after the contribution's blocks inserted at `afterBlock` (the end when absent). */
export function viewOf(
  state: ContributionSnapshot,
  articleEvents?: StoredEvent[],
  afterBlock?: number,
): ContributionView {
  if (!articleEvents || (state.status !== 'submitted' && state.status !== 'changes_requested')) return { ...state };
  const article: ArticleState = foldEvents(articleDecider, articleEvents);
  if (article.status === 'none') return { ...state };
  const body = article.working.body;
  const atBlock = afterBlock !== undefined && afterBlock >= 0 && afterBlock <= body.length ? afterBlock : body.length;
  const after = [...body.slice(0, atBlock), ...state.blocks, ...body.slice(atBlock)];
  return { ...state, preview: { articleVersion: article.version, atBlock, before: body, after } };
}
