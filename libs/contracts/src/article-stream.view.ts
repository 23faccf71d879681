import type { ArticleStatus } from './article.constants';
import type { ActorView } from './article.view';

// `GET /api/stream`: server-sent events that tell a live view what the read models committed.

/** `event: article`: an article's latest change, as the article read model committed it. */
export interface ArticleChange {
  articleId: string;
  version: number;
  status: ArticleStatus;
  headline: string;
  updatedAt: string;
  updatedBy: ActorView;
}

/**
 * `event: reset`: the stream cannot tell what changed before it, so a view must fetch again. Sent
 * first on every connection the server cannot resume: a new one (`new`), one whose Last-Event-ID is
 * from another server process or a restart (`unknown-position`), one too far behind (`too-far-behind`),
 * and on open connections after the server itself may have missed changes (`missed-changes`).
 */
export interface StreamReset {
  reason: 'new' | 'unknown-position' | 'too-far-behind' | 'missed-changes';
}

/** `event: end`: the server closes the stream; after `session-ended` a reconnection would be refused. */
export interface StreamEnd {
  reason: 'session-ended' | 'shutdown';
}

/**
 * `event: contributions`: the contribution read model committed something (a submission, a revision,
 * a decision). It names nothing, since reporters must not learn of each other's contributions: a view
 * that shows contributions fetches them again, and the server answers each reader with what they may see.
 */
export type ContributionsChanged = Record<string, never>;

/** The `event:` names of the stream. */
export const STREAM_EVENT_TYPES = {
  article: 'article',
  contributions: 'contributions',
  reset: 'reset',
  end: 'end',
} as const;
