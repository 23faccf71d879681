import type { ActorRef } from '../shared/actor';
import type { BodyBlock, Contributor, CorrectionKind, DraftFields, Photo } from './article.content';
import type { FieldReference } from './article.events';

import type { Actor, Role } from '../shared/actor';

/**
 * Rules a deployment may switch, passed with each command so that the decider reads no
 * configuration of its own.
 */
export interface ArticlePolicy {
  /** The approver must differ from the article's last author (see `lastAuthor` in the state). */
  fourEyesApproval: boolean;
  /**
   * A legal redaction waits for a second admin's confirmation (issue #12). Off unless set, so that
   * one admin can act in an emergency; the order is recorded either way.
   */
  fourEyesRedaction?: boolean;
}

/** Time, identity and policy come from outside so that deciding stays pure and replayable. */
export interface CommandMetadata {
  actor: Actor;
  /** ISO-8601 instant at which the command is decided. */
  now: string;
  policy: ArticlePolicy;
}

type Command<Type extends string, Data> = {
  type: Type;
  articleId: string;
  data: Data;
  metadata: CommandMetadata;
};

export type UpdateKind = 'major' | 'minor';
type Empty = Record<string, never>;

export type DraftArticle = Command<'DraftArticle', Partial<DraftFields> & { headline: string }>;
export type ReviseArticle = Command<'ReviseArticle', Partial<DraftFields>>;
export type AddContributor = Command<'AddContributor', Contributor>;
export type RemoveContributor = Command<'RemoveContributor', { contributorId: string }>;
export type AttachPhoto = Command<'AttachPhoto', Photo>;
export type UpdatePhoto = Command<'UpdatePhoto', { photoId: string } & Partial<Omit<Photo, 'photoId'>>>;
export type DetachPhoto = Command<'DetachPhoto', { photoId: string }>;
export type SubmitForReview = Command<'SubmitForReview', Empty>;
export type RequestChanges = Command<'RequestChanges', { note: string }>;
export type ApproveArticle = Command<'ApproveArticle', Empty>;
export type PublishArticle = Command<'PublishArticle', { updateKind?: UpdateKind }>;
export type SchedulePublication = Command<'SchedulePublication', { publishAt: string }>;
export type CancelSchedule = Command<'CancelSchedule', Empty>;
export type UnpublishArticle = Command<'UnpublishArticle', { reason: string }>;
export type IssueCorrection = Command<'IssueCorrection', { text: string; kind: CorrectionKind }>;
/** The assignee's name and roles are looked up by the caller: the decider knows no user directory. */
export type AssignReporter = Command<
  'AssignReporter',
  { assigneeId: string; assigneeName: string; assigneeRoles: readonly (Role | 'system')[] }
>;
export type UnassignReporter = Command<'UnassignReporter', { assigneeId: string }>;
/**
 * An accepted contribution's content, merged into the working copy: sent only together with the
 * contribution's own ContributionAccepted, in one append (see the contribution's accept use case).
 * `afterBlock`: how many of the body's blocks stay before the inserted ones; absent, at the end.
 */
export type MergeContribution = Command<
  'MergeContribution',
  {
    contributionId: string;
    author: ActorRef;
    blocks: BodyBlock[];
    photos: Photo[];
    credit: Contributor;
    afterBlock?: number;
  }
>;

/**
 * Where the caller (who alone can read the stored events) found the passage: the fields whose keys
 * it destroys with the decision, and those it erased in place (stored before encryption).
 */
export interface LocatedPassage {
  fields: FieldReference[];
  erased: FieldReference[];
}
/** A legal redaction order (issue #12): the exact passage to remove from every version, and why. */
export type RequestRedaction = Command<
  'RequestRedaction',
  {
    redactionId: string;
    passage: string;
    reason: string;
    legalBasis: string;
    reference: string;
    located: LocatedPassage;
  }
>;
/** A second admin lets a requested redaction take effect (the four-eyes setting). */
export type ConfirmRedaction = Command<'ConfirmRedaction', { redactionId: string; located: LocatedPassage }>;
/** A requested redaction refused; `passageField` is the request's own passage, whose key goes too. */
export type DeclineRedaction = Command<'DeclineRedaction', { redactionId: string; passageField: FieldReference[] }>;

export type ArticleCommand =
  | DraftArticle
  | ReviseArticle
  | AddContributor
  | RemoveContributor
  | AttachPhoto
  | UpdatePhoto
  | DetachPhoto
  | SubmitForReview
  | RequestChanges
  | ApproveArticle
  | PublishArticle
  | SchedulePublication
  | CancelSchedule
  | UnpublishArticle
  | IssueCorrection
  | AssignReporter
  | UnassignReporter
  | MergeContribution
  | RequestRedaction
  | ConfirmRedaction
  | DeclineRedaction;

export type ArticleCommandType = ArticleCommand['type'];

/** Commands that change the working copy rather than the workflow status. */
export type EditCommand = ReviseArticle | AddContributor | RemoveContributor | AttachPhoto | UpdatePhoto | DetachPhoto;
export const EDIT_COMMAND_TYPES = [
  'ReviseArticle',
  'AddContributor',
  'RemoveContributor',
  'AttachPhoto',
  'UpdatePhoto',
  'DetachPhoto',
] as const satisfies readonly EditCommand['type'][];

/** Legal redactions: an admin's alone (issue #12). */
export type RedactionCommand = RequestRedaction | ConfirmRedaction | DeclineRedaction;
export const REDACTION_COMMAND_TYPES = [
  'RequestRedaction',
  'ConfirmRedaction',
  'DeclineRedaction',
] as const satisfies readonly RedactionCommand['type'][];

// A mapped object rather than a literal array so that a missing or misspelt type fails to compile.
const COMMAND_TYPES: { readonly [T in ArticleCommandType]: true } = {
  DraftArticle: true,
  ReviseArticle: true,
  AddContributor: true,
  RemoveContributor: true,
  AttachPhoto: true,
  UpdatePhoto: true,
  DetachPhoto: true,
  SubmitForReview: true,
  RequestChanges: true,
  ApproveArticle: true,
  PublishArticle: true,
  SchedulePublication: true,
  CancelSchedule: true,
  UnpublishArticle: true,
  IssueCorrection: true,
  AssignReporter: true,
  UnassignReporter: true,
  MergeContribution: true,
  RequestRedaction: true,
  ConfirmRedaction: true,
  DeclineRedaction: true,
};
export const ARTICLE_COMMAND_TYPES: readonly ArticleCommandType[] = Object.freeze(
  Object.keys(COMMAND_TYPES) as ArticleCommandType[],
);

export function isArticleCommandType(type: string): type is ArticleCommandType {
  return Object.hasOwn(COMMAND_TYPES, type);
}
