import type { ArticleContent, BodyBlock, Contributor, Correction, DraftFields, Photo } from './article.content';

type Event<Type extends string, Data> = { type: Type; data: Data };

import type { ActorRef } from '../shared/actor';
export const PUBLICATION_KINDS = ['initial', 'major', 'minor'] as const;
export type PublicationKind = (typeof PUBLICATION_KINDS)[number];

// Type strings are stored forever: rename a TypeScript name freely, never a `type` value.
export type ArticleDrafted = Event<'ArticleDrafted', { articleId: string } & DraftFields>;
/** Carries only the fields whose value actually changed. */
export type ArticleRevised = Event<'ArticleRevised', { changes: Partial<DraftFields> }>;
export type ContributorAdded = Event<'ContributorAdded', { contributor: Contributor }>;
export type ContributorRemoved = Event<'ContributorRemoved', Pick<Contributor, 'contributorId' | 'name' | 'role'>>;
export type PhotoAttached = Event<'PhotoAttached', { photo: Photo }>;
export type PhotoUpdated = Event<'PhotoUpdated', { photoId: string; changes: Partial<Omit<Photo, 'photoId'>> }>;
export type PhotoDetached = Event<'PhotoDetached', { photoId: string }>;
export type SubmittedForReview = Event<'SubmittedForReview', Record<string, never>>;
export type ChangesRequested = Event<'ChangesRequested', { note: string }>;
export type ArticleApproved = Event<'ArticleApproved', Record<string, never>>;
export type ArticlePublished = Event<
  'ArticlePublished',
  {
    /** The article version whose working copy went live. */
    publishedVersion: number;
    publishedAt: string;
    updateKind: PublicationKind;
    /** Present only when the scheduler published on someone's schedule. */
    scheduledBy?: ActorRef;
  }
>;
export type PublicationScheduled = Event<'PublicationScheduled', { publishAt: string; scheduledBy: ActorRef }>;
export type ScheduleCancelled = Event<'ScheduleCancelled', Record<string, never>>;
export type ArticleUnpublished = Event<'ArticleUnpublished', { reason: string; unpublishedAt: string }>;
export type CorrectionIssued = Event<'CorrectionIssued', { correction: Correction }>;
/** The assignee may now edit the article as its drafter may. */
export type ReporterAssigned = Event<'ReporterAssigned', { assignee: ActorRef }>;
export type ReporterUnassigned = Event<'ReporterUnassigned', { assignee: ActorRef }>;
/**
 * A contribution's blocks inserted at `atBlock` (an index into the body before the merge), its
 * photos attached, its author credited. `credited` is false when the same person was already
 * credited in the same role: the existing credit stands. Recorded once per contribution.
 */
export type ContributionMerged = Event<
  'ContributionMerged',
  {
    contributionId: string;
    author: ActorRef;
    atBlock: number;
    blocks: BodyBlock[];
    photos: Photo[];
    contributor: Contributor;
    credited: boolean;
  }
>;

/** A field of a stored event, by reference: what a redaction names instead of the text. */
export interface FieldReference {
  eventId: string;
  /** A concrete path into the event's data, e.g. `changes.body[3].text`. */
  path: string;
}

/** Why a redaction was ordered: the record kept for auditors; it never holds the passage. */
export interface RedactionOrder {
  redactionId: string;
  reason: string;
  legalBasis: string;
  reference: string;
}

/**
 * Under the four-eyes setting, a redaction waits for a second admin. The passage is kept only
 * here, encrypted like any free text, and its key goes with the fields it names on confirmation.
 */
export type RedactionRequested = Event<'RedactionRequested', RedactionOrder & { passage: string }>;
/** A requested redaction that a second admin declined: its passage's key is destroyed too. */
export type RedactionDeclined = Event<'RedactionDeclined', { redactionId: string; passageField: FieldReference[] }>;
/**
 * A legal redaction (issue #12): the keys of every field holding the passage destroyed, so those
 * fields of every version read as redacted; recorded by reference (event id and path), never by
 * content. The working copy, the live copy and the corrections that held the passage are
 * re-issued without it (the rest of each field kept): whole, because after the keys are gone the
 * earlier events can no longer tell the rest. `actor` of the event confirmed it; `requestedBy`
 * asked (the same admin without four-eyes).
 */
export type ContentRedacted = Event<
  'ContentRedacted',
  RedactionOrder & {
    requestedBy: ActorRef;
    redactedAt: string;
    /** Fields whose keys were destroyed. */
    fields: FieldReference[];
    /** Fields stored in plaintext before encryption, erased in place (the heavier route). */
    erased: FieldReference[];
    working: ArticleContent;
    /** The live copy re-issued; null when the article was never published. */
    live: ArticleContent | null;
    corrections: Correction[];
    /** What readers of the live story are told (an editor's note, like a correction's). */
    note: string;
  }
>;

export type ArticleEvent =
  | ArticleDrafted
  | ArticleRevised
  | ContributorAdded
  | ContributorRemoved
  | PhotoAttached
  | PhotoUpdated
  | PhotoDetached
  | SubmittedForReview
  | ChangesRequested
  | ArticleApproved
  | ArticlePublished
  | PublicationScheduled
  | ScheduleCancelled
  | ArticleUnpublished
  | CorrectionIssued
  | ReporterAssigned
  | ReporterUnassigned
  | ContributionMerged
  | RedactionRequested
  | RedactionDeclined
  | ContentRedacted;

export type ArticleEventType = ArticleEvent['type'];

// A mapped object rather than a literal array so that a missing or misspelt type fails to compile.
const EVENT_TYPES: { readonly [T in ArticleEventType]: true } = {
  ArticleDrafted: true,
  ArticleRevised: true,
  ContributorAdded: true,
  ContributorRemoved: true,
  PhotoAttached: true,
  PhotoUpdated: true,
  PhotoDetached: true,
  SubmittedForReview: true,
  ChangesRequested: true,
  ArticleApproved: true,
  ArticlePublished: true,
  PublicationScheduled: true,
  ScheduleCancelled: true,
  ArticleUnpublished: true,
  CorrectionIssued: true,
  ReporterAssigned: true,
  ReporterUnassigned: true,
  ContributionMerged: true,
  RedactionRequested: true,
  RedactionDeclined: true,
  ContentRedacted: true,
};
export const ARTICLE_EVENT_TYPES: readonly ArticleEventType[] = Object.freeze(
  Object.keys(EVENT_TYPES) as ArticleEventType[],
);

/**
 * The events that change the working copy: the actor of the latest one is the article's last
 * author, whom the four-eyes rule keeps from approving it. A mapped object, so a new event type
 * does not compile until someone decides whether it writes content.
 */
export const CHANGES_CONTENT: { readonly [T in ArticleEventType]: boolean } = Object.freeze({
  ArticleDrafted: true,
  ArticleRevised: true,
  ContributorAdded: true,
  ContributorRemoved: true,
  PhotoAttached: true,
  PhotoUpdated: true,
  PhotoDetached: true,
  SubmittedForReview: false,
  ChangesRequested: false,
  ArticleApproved: false,
  ArticlePublished: false,
  PublicationScheduled: false,
  ScheduleCancelled: false,
  ArticleUnpublished: false,
  // A correction is a note beside the live copy, not a change to the working copy under review.
  CorrectionIssued: false,
  ReporterAssigned: false,
  ReporterUnassigned: false,
  // The accepting editor answers for the merged text, as for any edit.
  ContributionMerged: true,
  RedactionRequested: false,
  RedactionDeclined: false,
  // The working copy is re-issued: whoever approves it next must not be the redacting admin.
  ContentRedacted: true,
});

export function isArticleEventType(type: string): type is ArticleEventType {
  return Object.hasOwn(EVENT_TYPES, type);
}
