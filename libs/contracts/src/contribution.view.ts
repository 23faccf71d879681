import type { ContributorRole } from './article.constants';
import type { BodyBlockView, PersonView, PhotoView } from './article.view';

// The contributions API (`/api/articles/:id/contributions`, `/api/contributions[/:cid]`) on the wire.
// The workflow and limits are the domain's, re-exported so a client validates and labels with the same rules.
export {
  CONTRIBUTION_ALLOWED_FROM,
  CONTRIBUTION_BLOCK_TYPES,
  CONTRIBUTION_LIMITS,
  CONTRIBUTION_ROLE_PERMISSIONS,
  CONTRIBUTION_STATUSES,
  type ContributionCommandType,
  type ContributionStatus,
} from '@newsroom/editorial-domain';
import type { ContributionStatus } from '@newsroom/editorial-domain';

/** The blocks a contribution brings: text only; its photos travel beside them. */
export type ContributionBlockView = Exclude<BodyBlockView, { type: 'photo' }>;

/** The credit a contribution asks for, or the one the desk gave on accepting it. */
export interface CreditView {
  name: string;
  role: ContributorRole;
  affiliation?: string;
}

/** One contribution as `GET /api/contributions/:cid` and both lists show it; `version` is also its ETag. */
export interface ContributionView {
  contributionId: string;
  articleId: string;
  version: number;
  status: ContributionStatus;
  blocks: ContributionBlockView[];
  photos: PhotoView[];
  note: string;
  credit: CreditView;
  /** The reporter who submitted it: the only one who may revise or withdraw it. */
  author: PersonView;
  /** The desk's latest request for changes, until the next revision. */
  deskNote: string | null;
  merge: { articleVersion: number; atBlock: number; credit: CreditView; acceptedBy: PersonView } | null;
  rejection: { reason: string; rejectedBy: PersonView } | null;
  submittedAt: string;
  updatedAt: string;
  /**
   * While open (`GET /api/contributions/:cid?afterBlock=` only): the article's body now and after
   * the blocks are inserted once `atBlock` of its blocks (the end when not asked).
   */
  preview?: ContributionPreview;
}

export interface ContributionPreview {
  articleVersion: number;
  atBlock: number;
  before: BodyBlockView[];
  after: BodyBlockView[];
}

/** `GET /api/articles/:id/contributions` and `GET /api/contributions`. */
export interface ContributionList {
  items: ContributionView[];
}

/** `POST /api/articles/:id/contributions`: everything but the photos' ids, which the server mints. */
export interface SubmitContributionRequest {
  blocks: ContributionBlockView[];
  photos?: Omit<PhotoView, 'photoId'>[];
  note?: string;
  credit: CreditView;
}

/** `PATCH /api/contributions/:cid` with If-Match: what the author may change (photos are set on submission). */
export type ReviseContributionRequest = Partial<Pick<SubmitContributionRequest, 'blocks' | 'note' | 'credit'>>;

/** `POST /api/contributions/:cid/accept`: no `afterBlock`, at the end; `credit` adjusts the one asked for. */
export interface AcceptContributionRequest {
  afterBlock?: number;
  credit?: CreditView;
}

/** What every contribution write answers. */
export interface ContributionWriteAnswer {
  contributionId: string;
  version: number;
  /** The article's version that holds the merge (accepting only). */
  articleVersion?: number;
}
