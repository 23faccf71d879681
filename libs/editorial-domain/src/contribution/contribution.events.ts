import type { ActorRef } from '../shared/actor';
import type { FieldReference, RedactionOrder } from '../article/article.events';
import type { ContributionContent, Credit } from './contribution.commands';

type Event<Type extends string, Data> = { type: Type; data: Data };

// Type strings are stored forever: rename a TypeScript name freely, never a `type` value.
export type ContributionSubmitted = Event<
  'ContributionSubmitted',
  { contributionId: string; articleId: string } & ContributionContent
>;
/** Carries only what changed; a revision of a sent-back contribution sends it to the desk again. */
export type ContributionRevised = Event<'ContributionRevised', { changes: Partial<ContributionContent> }>;
export type ContributionWithdrawn = Event<'ContributionWithdrawn', Record<string, never>>;
export type ContributionChangesRequested = Event<'ContributionChangesRequested', { note: string }>;
/**
 * Accepted and merged: recorded in the same append as the article's ContributionMerged, which is
 * `articleVersion` of the article. `credit` is the one given (the desk's adjustment, if any).
 */
export type ContributionAccepted = Event<
  'ContributionAccepted',
  { articleId: string; articleVersion: number; atBlock: number; credit: Credit; acceptedBy: ActorRef }
>;
export type ContributionRejected = Event<'ContributionRejected', { reason: string; rejectedBy: ActorRef }>;

/**
 * A legal redaction of the article this contribution was merged into reached fields of this
 * contribution (issue #12): their keys were destroyed, or they were erased in place, with the
 * article's ContentRedacted and in the same append. Recorded here too so that whatever reads this
 * stream (its read models) learns that its history now reads differently. By reference only.
 */
export type ContributionRedacted = Event<
  'ContributionRedacted',
  RedactionOrder & { redactedAt: string; fields: FieldReference[]; erased: FieldReference[] }
>;

export type ContributionEvent =
  | ContributionSubmitted
  | ContributionRevised
  | ContributionWithdrawn
  | ContributionChangesRequested
  | ContributionAccepted
  | ContributionRejected
  | ContributionRedacted;

export type ContributionEventType = ContributionEvent['type'];

const EVENT_TYPES: { readonly [T in ContributionEventType]: true } = {
  ContributionSubmitted: true,
  ContributionRevised: true,
  ContributionWithdrawn: true,
  ContributionChangesRequested: true,
  ContributionAccepted: true,
  ContributionRejected: true,
  ContributionRedacted: true,
};
export const CONTRIBUTION_EVENT_TYPES: readonly ContributionEventType[] = Object.freeze(
  Object.keys(EVENT_TYPES) as ContributionEventType[],
);

export function isContributionEventType(type: string): type is ContributionEventType {
  return Object.hasOwn(EVENT_TYPES, type);
}
