import type { FieldChange } from '@newsroom/contracts';
import { assertNever, jsonEqual } from '@newsroom/editorial-domain';
import type { ArticleEvent, ContributorRole, Photo, RedactionOrder } from '@newsroom/editorial-domain';
import { evolveArticleRow, isAlreadyApplied, type ArticleRow } from './article-state.projection';
import { toArticleEvent, type ProjectedActor, type ProjectedEvent } from './projected-event';
import { UnprojectableEvent } from './projection.errors';
import { textOf } from './redacted-text';
import { fieldChanges } from './word-diff';

export type { FieldChange } from '@newsroom/contracts';

/** Table `audit_trail`: insert-only, unique on (articleId, version). */
export interface AuditEntry {
  articleId: string;
  version: number;
  eventId: string;
  type: string;
  occurredAt: string;
  actor: ProjectedActor;
  /** One line for people: "Headline and body changed", "Published v12 — first publication". */
  summary: string;
  changes: FieldChange[];
}

/** Free text (notes, reasons, corrections, headlines) is cut to this many characters in summaries. */
export const SUMMARY_TEXT_MAX_LENGTH = 120;

/**
 * The audit entry of one event. `previous` must be the article row just before it (null for the
 * first event): before-values come from it, after-values from the same evolve as the article row.
 * The runner skips redelivered events first; given one anyway, this throws UnprojectableEvent
 * rather than record a change against the wrong "before".
 */
export function auditEntryOf(previous: ArticleRow | null, e: ProjectedEvent): AuditEntry {
  if (isAlreadyApplied(previous, e)) {
    throw new UnprojectableEvent(e, `already applied: the row passed as previous is at version ${previous!.version}`);
  }
  const next = evolveArticleRow(previous, e);
  const event = toArticleEvent(e);
  return {
    articleId: e.articleId,
    version: e.version,
    eventId: e.eventId,
    type: e.type,
    occurredAt: e.occurredAt,
    actor: { ...e.actor },
    summary: summaryOf(event, previous, next),
    changes: [...contentChanges(event, previous, next), ...workflowChanges(previous, next)],
  };
}

function summaryOf(event: ArticleEvent, previous: ArticleRow | null, next: ArticleRow): string {
  switch (event.type) {
    case 'ArticleDrafted':
      return `Article drafted: “${oneLine(event.data.headline)}”`;
    case 'ArticleRevised': {
      const fields = fieldChanges(previous!.working, next.working);
      return fields.length === 0
        ? 'Revised (no change)'
        : capitalised(`${listed(fields.map((c) => FIELD_LABELS[c.field]))} changed`);
    }
    case 'ContributorAdded': {
      const { role, name, affiliation } = event.data.contributor;
      return `${ROLE_LABELS[role]} credit added: ${oneLine(name)}${affiliation ? ` (${oneLine(affiliation)})` : ''}`;
    }
    case 'ContributorRemoved':
      return `Contributor removed: ${oneLine(event.data.name)}, ${event.data.role}`;
    case 'PhotoAttached':
      return `Photo attached: ${oneLine(event.data.photo.credit)}`;
    case 'PhotoUpdated': {
      const keys = changedPhotoKeys(photoIn(previous, event.data.photoId), event.data.changes);
      return keys.length === 0
        ? 'Photo updated (no change)'
        : `Photo ${listed(keys.map((k) => PHOTO_LABELS[k]))} changed`;
    }
    case 'PhotoDetached': {
      const photo = photoIn(previous, event.data.photoId);
      return `Photo detached: ${oneLine(photo?.credit ?? event.data.photoId)}`;
    }
    case 'SubmittedForReview':
      return 'Submitted for review';
    case 'ChangesRequested':
      return `Changes requested: ${oneLine(event.data.note)}`;
    case 'ArticleApproved':
      return 'Approved';
    case 'ArticlePublished': {
      const { updateKind, publishedVersion, scheduledBy } = event.data;
      // A sentence with the version first: "Published v4 — first publication", "Published v9 — minor update".
      const kind = updateKind === 'initial' ? 'first publication' : `${updateKind} update`;
      const what = `Published v${publishedVersion} — ${kind}`;
      return scheduledBy ? `${what}, as scheduled by ${oneLine(scheduledBy.name)}` : what;
    }
    case 'PublicationScheduled':
      return `Scheduled for ${event.data.publishAt}`;
    case 'ScheduleCancelled':
      return 'Schedule cancelled';
    case 'ArticleUnpublished':
      return `Unpublished: ${oneLine(event.data.reason)}`;
    case 'CorrectionIssued': {
      const { kind, text } = event.data.correction;
      return `${kind === 'clarification' ? 'Clarification' : 'Correction'} issued: ${oneLine(text)}`;
    }
    case 'ReporterAssigned':
      return `Reporter assigned: ${oneLine(event.data.assignee.name)}`;
    case 'ReporterUnassigned':
      return `Reporter unassigned: ${oneLine(event.data.assignee.name)}`;
    case 'ContributionMerged': {
      const { blocks, photos, author, contributor } = event.data;
      const what = [plural(blocks.length, 'block'), ...(photos.length > 0 ? [plural(photos.length, 'photo')] : [])];
      const credit = oneLine(contributor.name);
      return `Contribution merged: ${listed(what)} by ${oneLine(author.name)}, credited as ${credit}`;
    }
    // The order only: a pending request's passage is text (decrypted) and never enters the trail.
    case 'RedactionRequested':
      return `Redaction requested: ${orderOf(event.data)}`;
    case 'RedactionDeclined':
      return `Redaction declined: order ${oneLine(event.data.redactionId)}`;
    case 'ContentRedacted': {
      const { fields, erased } = event.data;
      return `Content redacted: ${orderOf(event.data)}, ${plural(fields.length + erased.length, 'field')} removed`;
    }
    default:
      return assertNever(event, 'article event');
  }
}

function contentChanges(event: ArticleEvent, previous: ArticleRow | null, next: ArticleRow): FieldChange[] {
  switch (event.type) {
    case 'ArticleDrafted':
      // Only what the draft set: listing every empty default would bury it.
      return fieldChanges(null, next.working).filter((c) => !isEmpty(c.after));
    case 'ArticleRevised':
      return fieldChanges(previous!.working, next.working);
    case 'ContributorAdded':
    case 'ContributorRemoved':
      return [{ field: 'contributors', before: previous!.working.contributors, after: next.working.contributors }];
    case 'PhotoAttached':
      return [{ field: `photos[${event.data.photo.photoId}]`, before: null, after: event.data.photo }];
    case 'PhotoUpdated': {
      const photo = photoIn(previous, event.data.photoId);
      return changedPhotoKeys(photo, event.data.changes).map((key) => ({
        field: `photos[${event.data.photoId}].${key}`,
        before: photo?.[key] ?? null,
        after: event.data.changes[key] ?? null,
      }));
    }
    case 'PhotoDetached':
      return [
        { field: `photos[${event.data.photoId}]`, before: photoIn(previous, event.data.photoId) ?? null, after: null },
      ];
    case 'CorrectionIssued':
      return [{ field: `corrections[${previous!.corrections.length}]`, before: null, after: event.data.correction }];
    case 'ReporterAssigned':
    case 'ReporterUnassigned':
      return [{ field: 'assignees', before: previous!.assignees ?? [], after: next.assignees ?? [] }];
    case 'ContributionMerged':
      // Body, photos and credits, as for any edit: the diff shows where the blocks landed.
      return fieldChanges(previous!.working, next.working);
    case 'ContentRedacted':
      // The re-issued copies against the history as it now reads (redacted fields as markers).
      return [
        ...fieldChanges(previous!.working, next.working),
        ...(next.live && previous!.live
          ? fieldChanges(previous!.live.content, next.live.content).map((c) => ({ ...c, field: `live.${c.field}` }))
          : []),
        ...(jsonEqual(previous!.corrections, next.corrections)
          ? []
          : [{ field: 'corrections', before: previous!.corrections, after: next.corrections }]),
      ];
    default:
      return [];
  }
}

/** Status, note, schedule and live version, compared before and after: the workflow's side of every event. */
function workflowChanges(previous: ArticleRow | null, next: ArticleRow): FieldChange[] {
  const facts = (row: ArticleRow | null): Record<string, unknown> => ({
    status: row?.status ?? null,
    changesRequestedNote: row?.changesRequestedNote ?? null,
    'scheduled.publishAt': row?.scheduled?.publishAt ?? null,
    'live.version': row?.live?.version ?? null,
  });
  const before = facts(previous);
  const after = facts(next);
  return Object.keys(after)
    .filter((field) => before[field] !== after[field])
    .map((field) => ({ field, before: before[field], after: after[field] }));
}

type PhotoKey = Exclude<keyof Photo, 'photoId'>;
const PHOTO_LABELS: Record<PhotoKey, string> = {
  url: 'URL',
  caption: 'caption',
  credit: 'credit',
  altText: 'alt text',
  rights: 'rights',
};

function changedPhotoKeys(photo: Photo | undefined, changes: Partial<Omit<Photo, 'photoId'>>): PhotoKey[] {
  return (Object.keys(PHOTO_LABELS) as PhotoKey[]).filter(
    (key) => changes[key] !== undefined && !jsonEqual(changes[key], photo?.[key]),
  );
}

function photoIn(row: ArticleRow | null, photoId: string): Photo | undefined {
  return row?.working.photos.find((p) => p.photoId === photoId);
}

const FIELD_LABELS: Record<keyof ArticleRow['working'], string> = {
  headline: 'headline',
  standfirst: 'standfirst',
  dateline: 'dateline',
  body: 'body',
  sections: 'sections',
  tags: 'tags',
  language: 'language',
  source: 'source',
  embargoUntil: 'embargo',
  contributors: 'contributors',
  photos: 'photos',
};

const ROLE_LABELS: Record<ContributorRole, string> = {
  author: 'Author',
  contributor: 'Contributor',
  photographer: 'Photographer',
  editor: 'Editor',
  translator: 'Translator',
  producer: 'Producer',
};

/** "headline", "headline and body", "headline, standfirst and body". */
function listed(labels: string[]): string {
  return labels.length <= 1 ? labels.join('') : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "<legal basis> (<reference>), order <id>": what the trail tells of a redaction order. */
function orderOf(order: RedactionOrder): string {
  return `${oneLine(order.legalBasis)} (${oneLine(order.reference)}), order ${oneLine(order.redactionId)}`;
}

/**
 * Free text on one line, at most SUMMARY_TEXT_MAX_LENGTH characters (code points) with its
 * ellipsis; a redacted text as its order's label (replayed history carries markers).
 */
function oneLine(value: unknown): string {
  const flat = textOf(value).replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length <= SUMMARY_TEXT_MAX_LENGTH
    ? flat
    : `${chars
        .slice(0, SUMMARY_TEXT_MAX_LENGTH - 1)
        .join('')
        .trimEnd()}…`;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
