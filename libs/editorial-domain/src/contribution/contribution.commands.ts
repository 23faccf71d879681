import type { Actor } from '../shared/actor';
import type { BodyBlock, ContributorRole, Photo } from '../article/article.content';

/** The blocks a contribution may bring: text only; its photos travel beside them. */
export type ContributionBlock = Exclude<BodyBlock, { type: 'photo' }>;
export const CONTRIBUTION_BLOCK_TYPES = ['paragraph', 'subheading', 'quote'] as const;

/** The credit a contribution asks for (the desk may adjust it on accepting). */
export interface Credit {
  name: string;
  role: ContributorRole;
  affiliation?: string;
}

/** Time and identity from outside, so that deciding stays pure. */
export interface ContributionCommandMetadata {
  actor: Actor;
  now: string;
}

type Command<Type extends string, Data> = {
  type: Type;
  contributionId: string;
  data: Data;
  metadata: ContributionCommandMetadata;
};
type Empty = Record<string, never>;

export interface ContributionContent {
  blocks: ContributionBlock[];
  photos: Photo[];
  note: string;
  credit: Credit;
}

export type SubmitContribution = Command<'SubmitContribution', { articleId: string } & ContributionContent>;
export type ReviseContribution = Command<'ReviseContribution', Partial<ContributionContent>>;
export type WithdrawContribution = Command<'WithdrawContribution', Empty>;
export type RequestContributionChanges = Command<'RequestContributionChanges', { note: string }>;
/**
 * `afterBlock`: how many of the article's blocks stay before the contribution's; absent, at the end.
 * `credit`: the desk's adjustment of the credit asked for. Decided with the article: decideAcceptance.
 */
export type AcceptContribution = Command<'AcceptContribution', { afterBlock?: number; credit?: Credit }>;
export type RejectContribution = Command<'RejectContribution', { reason: string }>;

export type ContributionCommand =
  | SubmitContribution
  | ReviseContribution
  | WithdrawContribution
  | RequestContributionChanges
  | AcceptContribution
  | RejectContribution;

export type ContributionCommandType = ContributionCommand['type'];

const COMMAND_TYPES: { readonly [T in ContributionCommandType]: true } = {
  SubmitContribution: true,
  ReviseContribution: true,
  WithdrawContribution: true,
  RequestContributionChanges: true,
  AcceptContribution: true,
  RejectContribution: true,
};
export const CONTRIBUTION_COMMAND_TYPES: readonly ContributionCommandType[] = Object.freeze(
  Object.keys(COMMAND_TYPES) as ContributionCommandType[],
);
