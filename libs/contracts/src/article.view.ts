import type { ArticleStatus, ContributorRole, CorrectionKind, PublicationKind } from './article.constants';

/** Who did something, as events record them. */
export interface ActorView {
  id: string;
  name: string;
  role: string;
}

/** A person an article names without a role: an assignee, its last author. */
export interface PersonView {
  id: string;
  name: string;
}

export type BodyBlockView =
  | { type: 'paragraph'; text: string }
  | { type: 'subheading'; text: string }
  | { type: 'quote'; text: string; attribution?: string }
  | { type: 'photo'; photoId: string };

export interface ContributorView {
  contributorId: string;
  name: string;
  role: ContributorRole;
  affiliation?: string;
}

export interface PhotoView {
  photoId: string;
  url: string;
  caption: string;
  credit: string;
  altText?: string;
  rights?: string;
}

export interface ArticleContentView {
  headline: string;
  standfirst: string;
  dateline: string;
  body: BodyBlockView[];
  sections: string[];
  tags: string[];
  language: string;
  source: string;
  embargoUntil: string | null;
  contributors: ContributorView[];
  photos: PhotoView[];
}

/** What readers saw (or, once unpublished, last saw). */
export interface LiveVersionView {
  version: number;
  content: ArticleContentView;
  publishedAt: string;
  updateKind: PublicationKind;
}

export interface CorrectionView {
  text: string;
  kind: CorrectionKind;
  issuedAt: string;
}

export interface ScheduleView {
  publishAt: string;
  scheduledBy: { id: string; name: string };
}

/**
 * `GET /api/articles/:id`, `GET /api/articles/:id/versions/:n` and `?asOf=`: one article, current
 * or historical, always in this shape. Its `version` is also the `ETag`.
 */
export interface ArticleView {
  articleId: string;
  version: number;
  status: ArticleStatus;
  /** The copy being edited; readers see it only after the next publication. */
  working: ArticleContentView;
  live: LiveVersionView | null;
  corrections: CorrectionView[];
  scheduled: ScheduleView | null;
  changesRequestedNote: string | null;
  createdAt: string;
  updatedAt: string;
  /** Who drafted the article: a reporter may edit what they drafted. */
  createdBy: ActorView;
  updatedBy: ActorView;
  /** Reporters an editor assigned, who may edit the article as its drafter may; in assignment order. */
  assignees: PersonView[];
  /**
   * Who made the latest change to the working copy (drafting, revising, a contributor or photo
   * added, updated or removed): under the four-eyes rule, the one person who may not approve it.
   * Null only on an article projected before this was recorded, until the read model is rebuilt.
   */
  lastAuthor: PersonView | null;
}

/**
 * `GET /api/articles/:id/verify`: whether the article's hash chain still holds and its events are
 * the ones the signed global log recorded. `brokenAt` is the first bad version (0: the checkpoint
 * itself is bad); `logged` events are covered by `checkpoint`, `pending` ones wait for the next.
 */
export type ArticleVerification = (
  | {
      valid: true;
      events: number;
      headHash: string;
      /** Events erased in place under a redaction order (issue #12): vouched for by their links, not recomputed. */
      erased?: Array<{ version: number; redactionIds: string[]; paths: string[] }>;
    }
  | { valid: false; events: number; brokenAt: number; reason: string }
) & { logged?: number; pending?: number; checkpoint?: LogCheckpointView | null };

/** The checkpoint a verification used: tree size, root (hex), and what is wrong with it, if anything. */
export interface LogCheckpointView {
  treeSize: number;
  rootHash: string;
  problem?: string;
}
