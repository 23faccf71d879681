import type { ArticleContent, Correction } from './article.content';
import type { ActorRef } from '../shared/actor';
import type { PublicationKind, RedactionOrder } from './article.events';

export type ArticleStatus =
  'draft' | 'in_review' | 'changes_requested' | 'approved' | 'scheduled' | 'published' | 'unpublished';

export const ARTICLE_STATUSES = [
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'scheduled',
  'published',
  'unpublished',
] as const satisfies readonly ArticleStatus[];

/** What readers saw (or, once unpublished, last saw): a frozen copy of the working content. */
export interface LiveVersion {
  version: number;
  content: ArticleContent;
  publishedAt: string;
  updateKind: PublicationKind;
}

export interface ArticleSnapshot {
  status: ArticleStatus;
  articleId: string;
  /** Number of events applied; the first event makes it 1. */
  version: number;
  /** The copy being edited; readers see it only after the next ArticlePublished. */
  working: ArticleContent;
  live: LiveVersion | null;
  corrections: Correction[];
  scheduled: { publishAt: string; scheduledBy: ActorRef } | null;
  changesRequestedNote: string | null;
  createdAt: string;
  updatedAt: string;
  /** Who drafted the article (the actor of ArticleDrafted): a reporter may edit what they drafted. */
  createdBy: ActorRef;
  /** Reporters an editor assigned, who may edit the article as its drafter may; in assignment order. */
  assignees: ActorRef[];
  /**
   * The actor of the latest event that changed the working copy (see CHANGES_CONTENT): under the
   * four-eyes rule, the one person who may not approve the article as it now reads.
   */
  lastAuthor: ActorRef;
  /**
   * Ids of the contributions merged into the article, in merge order: each merges once. Absent
   * from snapshots built by read models that do not keep it (they never decide).
   */
  mergedContributions?: string[];
  /**
   * Redactions requested and neither confirmed nor declined. Absent from snapshots built by read
   * models, which must never hold a passage.
   */
  pendingRedactions?: PendingRedaction[];
}

/** A redaction waiting for a second admin (four-eyes): the passage is the command side's alone. */
export interface PendingRedaction extends RedactionOrder {
  passage: string;
  requestedBy: ActorRef;
  requestedAt: string;
}

export type ArticleState = { status: 'none' } | ArticleSnapshot;

export const initialArticleState: ArticleState = Object.freeze({ status: 'none' });

export function articleExists(state: ArticleState): state is ArticleSnapshot {
  return state.status !== 'none';
}
