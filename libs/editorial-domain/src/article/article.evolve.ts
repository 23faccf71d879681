import { assertNever } from '../shared/assert-never';
import { InvalidEventSequence } from '../shared/domain-error';
import type { ActorRef } from '../shared/actor';
import { CHANGES_CONTENT, type ArticleDrafted, type ArticleEvent } from './article.events';
import { initialArticleState, type ArticleSnapshot, type ArticleState } from './article.state';

/** What the event store knows about an event beyond its data: when it was stored and by whom. */
export interface EvolveMeta {
  occurredAt: string;
  actor?: ActorRef;
}

const UNKNOWN_ACTOR: ActorRef = Object.freeze({ id: 'unknown', name: 'Unknown' });

/**
 * Applies one event. Pure and total for every stream decide can produce; an event that could not
 * have been decided in this state (anything before ArticleDrafted, a second ArticleDrafted)
 * throws InvalidEventSequence rather than inventing an article.
 */
export function evolve(state: ArticleState, event: ArticleEvent, meta?: EvolveMeta): ArticleState {
  if (event.type === 'ArticleDrafted') {
    if (state.status !== 'none') throw new InvalidEventSequence(event.type, state.status);
    return drafted(event, meta);
  }
  if (state.status === 'none') throw new InvalidEventSequence(event.type, state.status);
  const next = apply(state, event, meta);
  return {
    ...next,
    lastAuthor: CHANGES_CONTENT[event.type] ? actorOf(meta) : state.lastAuthor,
    version: state.version + 1,
    updatedAt: meta?.occurredAt ?? timestampIn(event) ?? state.updatedAt,
  };
}

/** Replays a stream from the beginning (for specs: the event store folds through `articleDecider`). */
export function fold(events: ReadonlyArray<{ event: ArticleEvent; meta?: EvolveMeta }>): ArticleState {
  return events.reduce<ArticleState>((state, { event, meta }) => evolve(state, event, meta), initialArticleState);
}

function drafted({ data }: ArticleDrafted, meta: EvolveMeta | undefined): ArticleSnapshot {
  const { articleId, ...fields } = data;
  // ArticleDrafted carries no timestamp of its own; without store metadata the time is unknown.
  const createdAt = meta?.occurredAt ?? '';
  return {
    status: 'draft',
    articleId,
    version: 1,
    working: { ...fields, contributors: [], photos: [] },
    live: null,
    corrections: [],
    scheduled: null,
    changesRequestedNote: null,
    createdAt,
    updatedAt: createdAt,
    createdBy: actorOf(meta),
    assignees: [],
    lastAuthor: actorOf(meta),
    mergedContributions: [],
  };
}

// An actor the store did not record is nobody: never the drafter, never the last author.
function actorOf(meta: EvolveMeta | undefined): ActorRef {
  return meta?.actor ? { id: meta.actor.id, name: meta.actor.name } : UNKNOWN_ACTOR;
}

function apply(
  state: ArticleSnapshot,
  event: Exclude<ArticleEvent, ArticleDrafted>,
  meta: EvolveMeta | undefined,
): ArticleSnapshot {
  const { working } = state;
  switch (event.type) {
    case 'ArticleRevised':
      return { ...state, working: { ...working, ...event.data.changes } };
    case 'ContributorAdded':
      return { ...state, working: { ...working, contributors: [...working.contributors, event.data.contributor] } };
    case 'ContributorRemoved': {
      const contributors = working.contributors.filter((c) => c.contributorId !== event.data.contributorId);
      return { ...state, working: { ...working, contributors } };
    }
    case 'PhotoAttached':
      return { ...state, working: { ...working, photos: [...working.photos, event.data.photo] } };
    case 'PhotoUpdated': {
      const { photoId, changes } = event.data;
      const photos = working.photos.map((p) => (p.photoId === photoId ? { ...p, ...changes } : p));
      return { ...state, working: { ...working, photos } };
    }
    case 'PhotoDetached':
      return {
        ...state,
        working: { ...working, photos: working.photos.filter((p) => p.photoId !== event.data.photoId) },
      };
    case 'SubmittedForReview':
      return { ...state, status: 'in_review', changesRequestedNote: null };
    case 'ChangesRequested':
      return { ...state, status: 'changes_requested', changesRequestedNote: event.data.note };
    case 'ArticleApproved':
      return { ...state, status: 'approved' };
    case 'ArticlePublished': {
      const { publishedVersion, publishedAt, updateKind } = event.data;
      // Sharing the working object is safe: evolve never mutates, it replaces.
      const live = { version: publishedVersion, content: working, publishedAt, updateKind };
      return { ...state, status: 'published', live, scheduled: null };
    }
    case 'PublicationScheduled':
      return { ...state, status: 'scheduled', scheduled: { ...event.data } };
    case 'ScheduleCancelled':
      return { ...state, status: 'approved', scheduled: null };
    case 'ArticleUnpublished':
      // `live` is kept as a record of what readers last saw; the status says it is no longer shown.
      return { ...state, status: 'unpublished' };
    case 'CorrectionIssued':
      return { ...state, corrections: [...state.corrections, event.data.correction] };
    case 'ReporterAssigned':
      return { ...state, assignees: [...state.assignees, { ...event.data.assignee }] };
    case 'ReporterUnassigned':
      return { ...state, assignees: state.assignees.filter((a) => a.id !== event.data.assignee.id) };
    case 'ContributionMerged': {
      const { atBlock, blocks, photos, contributor, credited, contributionId } = event.data;
      const body = [...working.body.slice(0, atBlock), ...blocks, ...working.body.slice(atBlock)];
      const contributors = credited ? [...working.contributors, contributor] : working.contributors;
      return {
        ...state,
        working: { ...working, body, photos: [...working.photos, ...photos], contributors },
        // Streams folded before the field existed have none.
        mergedContributions: [...(state.mergedContributions ?? []), contributionId],
      };
    }
    case 'RedactionRequested': {
      const requested = { ...event.data, requestedBy: actorOf(meta), requestedAt: meta?.occurredAt ?? '' };
      return { ...state, pendingRedactions: [...(state.pendingRedactions ?? []), requested] };
    }
    case 'RedactionDeclined':
      return { ...state, pendingRedactions: withoutPending(state, event.data.redactionId) };
    case 'ContentRedacted': {
      const { working: redacted, live, corrections, redactionId } = event.data;
      return {
        ...state,
        working: redacted,
        live: state.live && live ? { ...state.live, content: live } : state.live,
        corrections,
        pendingRedactions: withoutPending(state, redactionId),
      };
    }
    default:
      return assertNever(event, 'article event');
  }
}

function withoutPending(state: ArticleSnapshot, redactionId: string) {
  return (state.pendingRedactions ?? []).filter((r) => r.redactionId !== redactionId);
}

function timestampIn(event: ArticleEvent): string | undefined {
  switch (event.type) {
    case 'ArticlePublished':
      return event.data.publishedAt;
    case 'ArticleUnpublished':
      return event.data.unpublishedAt;
    case 'CorrectionIssued':
      return event.data.correction.issuedAt;
    case 'ArticleDrafted':
    case 'ArticleRevised':
    case 'ContributorAdded':
    case 'ContributorRemoved':
    case 'PhotoAttached':
    case 'PhotoUpdated':
    case 'PhotoDetached':
    case 'SubmittedForReview':
    case 'ChangesRequested':
    case 'ArticleApproved':
    case 'PublicationScheduled':
    case 'ScheduleCancelled':
    case 'ReporterAssigned':
    case 'ReporterUnassigned':
    case 'ContributionMerged':
    case 'RedactionRequested':
    case 'RedactionDeclined':
      return undefined;
    case 'ContentRedacted':
      return event.data.redactedAt;
    default:
      return assertNever(event, 'article event');
  }
}
