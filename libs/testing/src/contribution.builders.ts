import {
  contributionDecider,
  type ContributionCommand,
  type ContributionContent,
  type ContributionEvent,
  type ContributionState,
  type Credit,
} from '@newsroom/editorial-domain';
import { aReporter, anEditor, ARTICLE_ID, NOW } from './article.builders';
import { specificationFor, type When, type RecordedBy } from './given-when-then';

export const CONTRIBUTION_ID = '7d4c1b2a-9e8f-4a3b-8c2d-1e0f9a8b7c6d';

/** Quotes from the harbour, credited to the builders' reporter (who records given events). */
export function aContributionContent(overrides: Partial<ContributionContent> = {}): ContributionContent {
  return {
    blocks: [{ type: 'quote', text: 'We waited three weeks for this.', attribution: 'a ferry captain' }],
    photos: [],
    note: 'Spoke to two crews at the quay.',
    credit: { name: 'Rey Reporter', role: 'contributor' },
    ...overrides,
  };
}

const cmeta = (by = aReporter(), now = NOW) => ({ actor: by, now });
type CommandOf<T extends ContributionCommand['type']> = Extract<ContributionCommand, { type: T }>;
const command = <T extends ContributionCommand['type']>(type: T, data: CommandOf<T>['data'], by = aReporter()) =>
  ({ type, contributionId: CONTRIBUTION_ID, data, metadata: cmeta(by) }) as CommandOf<T>;

export const submitContribution = (overrides: Partial<ContributionContent> = {}, by = aReporter()) =>
  command('SubmitContribution', { articleId: ARTICLE_ID, ...aContributionContent(overrides) }, by);
export const reviseContribution = (changes: Partial<ContributionContent>, by = aReporter()) =>
  command('ReviseContribution', changes, by);
export const withdrawContribution = (by = aReporter()) => command('WithdrawContribution', {}, by);
export const requestContributionChanges = (note = 'Name the captain, please.', by = anEditor()) =>
  command('RequestContributionChanges', { note }, by);
export const acceptContribution = (data: { afterBlock?: number; credit?: Credit } = {}, by = anEditor()) =>
  command('AcceptContribution', data, by);
export const rejectContribution = (reason = 'Already reported by the desk.', by = anEditor()) =>
  command('RejectContribution', { reason }, by);

type EventOf<T extends ContributionEvent['type']> = Extract<ContributionEvent, { type: T }>;
const event = <T extends ContributionEvent['type']>(type: T, data: EventOf<T>['data']) =>
  ({ type, data }) as EventOf<T>;

export const contributionSubmitted = (overrides: Partial<ContributionContent> = {}) =>
  event('ContributionSubmitted', {
    contributionId: CONTRIBUTION_ID,
    articleId: ARTICLE_ID,
    ...aContributionContent(overrides),
  });
export const contributionRevised = (changes: Partial<ContributionContent>) => event('ContributionRevised', { changes });
export const contributionWithdrawn = () => event('ContributionWithdrawn', {});
export const contributionChangesRequested = (note = 'Name the captain, please.') =>
  event('ContributionChangesRequested', { note });
export const contributionAccepted = (articleVersion = 2, atBlock = 1) =>
  event('ContributionAccepted', {
    articleId: ARTICLE_ID,
    articleVersion,
    atBlock,
    credit: aContributionContent().credit,
    acceptedBy: { id: anEditor().id, name: anEditor().name },
  });
export const contributionRejected = (reason = 'Already reported by the desk.') =>
  event('ContributionRejected', { reason, rejectedBy: { id: anEditor().id, name: anEditor().name } });

/** `givenContribution(contributionSubmitted()).when(withdrawContribution()).then(contributionWithdrawn())`. */
export const givenContribution: (
  ...history: Array<ContributionEvent | RecordedBy<ContributionEvent>>
) => When<ContributionCommand, ContributionState, ContributionEvent> = specificationFor<
  ContributionCommand,
  ContributionState,
  ContributionEvent
>(contributionDecider);
