import {
  articleExists,
  evolve,
  type ActorRef,
  type ArticleContent,
  type ArticleSnapshot,
  type ArticleStatus,
  type Correction,
  type LiveVersion,
} from '@newsroom/editorial-domain';
import { toArticleEvent, type ProjectedActor, type ProjectedEvent } from './projected-event';
import { UnprojectableEvent, VersionGap } from './projection.errors';

/** Table `article_state`: the whole article as of `version`, one row per article. */
export interface ArticleRow {
  articleId: string;
  version: number;
  status: ArticleStatus;
  working: ArticleContent;
  live: LiveVersion | null;
  corrections: Correction[];
  scheduled: ArticleSnapshot['scheduled'];
  changesRequestedNote: string | null;
  createdAt: string;
  updatedAt: string;
  /** Who drafted the article, with the role they drafted it in. */
  createdBy: ProjectedActor;
  updatedBy: ProjectedActor;
  /** Reporters assigned to the article; absent from rows projected before assignments existed. */
  assignees?: ActorRef[];
  /** The actor of the latest change to the working copy; absent from rows projected before it was kept. */
  lastAuthor?: ActorRef;
  /** Contributions merged into the article, in order; absent from rows projected before contributions. */
  mergedContributions?: string[];
  /** Topic position of the last event applied, for lag metrics and rebuild checkpoints. */
  lastPosition: number;
}

/**
 * True when the row already includes the event (a redelivery), so there is nothing to apply.
 * Throws VersionGap when the event is not the article's next one.
 */
export function isAlreadyApplied(row: ArticleRow | null, e: ProjectedEvent): boolean {
  if (row && row.articleId !== e.articleId) {
    throw new UnprojectableEvent(e, `event of article ${e.articleId} offered to the row of ${row.articleId}`);
  }
  if (row && e.version <= row.version) return true;
  const expected = (row?.version ?? 0) + 1;
  if (e.version !== expected) throw new VersionGap(e.articleId, expected, e.version);
  return false;
}

/**
 * The article row after one event. Idempotent: a redelivered event returns the row unchanged.
 * The next state comes from the domain's own `evolve`, so the read model cannot drift from it.
 * Throws VersionGap for an event that skips ahead, UnprojectableEvent for one it cannot read,
 * and the domain's InvalidEventSequence for a stream that could not have been decided.
 */
export function evolveArticleRow(row: ArticleRow | null, e: ProjectedEvent): ArticleRow {
  if (isAlreadyApplied(row, e)) return row!;
  const event = toArticleEvent(e);
  if (event.type === 'ArticleDrafted' && event.data.articleId !== e.articleId) {
    throw new UnprojectableEvent(e, `ArticleDrafted names article ${event.data.articleId}`);
  }
  const actor = { id: e.actor.id, name: e.actor.name };
  const next = evolve(row ? snapshotOf(row) : { status: 'none' }, event, { occurredAt: e.occurredAt, actor });
  if (!articleExists(next)) throw new UnprojectableEvent(e, 'the domain produced no article');
  return {
    articleId: next.articleId,
    version: next.version,
    status: next.status,
    working: next.working,
    live: next.live,
    corrections: next.corrections,
    scheduled: next.scheduled,
    changesRequestedNote: next.changesRequestedNote,
    createdAt: next.createdAt,
    updatedAt: next.updatedAt,
    // The domain's actor has no role; the envelope's does, so the row keeps the envelope's.
    createdBy: row?.createdBy ?? { ...e.actor },
    updatedBy: { ...e.actor },
    assignees: next.assignees,
    lastAuthor: next.lastAuthor,
    mergedContributions: next.mergedContributions ?? [],
    lastPosition: e.position,
  };
}

/** The domain state a row stands for. */
export function snapshotOf(row: ArticleRow): ArticleSnapshot {
  return {
    status: row.status,
    articleId: row.articleId,
    version: row.version,
    working: row.working,
    live: row.live,
    corrections: row.corrections,
    scheduled: row.scheduled,
    changesRequestedNote: row.changesRequestedNote,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    createdBy: { id: row.createdBy.id, name: row.createdBy.name },
    // A row stored by an older build lacks these; a rebuild fills them in from the events.
    assignees: row.assignees ?? [],
    lastAuthor: row.lastAuthor ?? UNKNOWN_AUTHOR,
    mergedContributions: row.mergedContributions ?? [],
  };
}

const UNKNOWN_AUTHOR: ActorRef = Object.freeze({ id: 'unknown', name: 'Unknown' });
