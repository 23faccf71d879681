import { assertNever } from '../shared/assert-never';
import { jsonEqual, withoutUndefined } from '../shared/json-equal';
import { isIsoTimestamp } from '../shared/iso-time';
import { ValidationFailed } from '../shared/domain-error';
import { requiredText, throwIfInvalid, type Issues } from '../shared/validation';
import type { ContributionCommand, ContributionContent, SubmitContribution } from './contribution.commands';
import { ContributionAlreadyExists, ContributionNotFound } from './contribution.errors';
import type { ContributionEvent } from './contribution.events';
import { assertContributionRole, assertMayActOn } from './contribution.rules';
import type { ContributionSnapshot, ContributionState } from './contribution.state';
import { CONTRIBUTION_LIMITS, validateContribution } from './contribution.validation';

const CONTENT_KEYS = ['blocks', 'photos', 'note', 'credit'] as const satisfies readonly (keyof ContributionContent)[];

/**
 * Decides a contribution command: the events, or a thrown DomainError. Checks run in the
 * article's order: who may attempt it, whether it exists, whether this actor may act on it now,
 * and only then the input. Accepting is decided with the article, by `decideAcceptance`.
 */
export function decideContribution(command: ContributionCommand, state: ContributionState): ContributionEvent[] {
  if (!isIsoTimestamp(command.metadata.now)) {
    throw new ValidationFailed([{ path: 'metadata.now', message: 'must be an ISO-8601 timestamp with a time zone' }]);
  }
  assertContributionRole(command);
  if (command.type === 'SubmitContribution') {
    if (state.status !== 'none') throw new ContributionAlreadyExists(command.contributionId);
    return decideSubmit(command);
  }
  if (state.status === 'none') throw new ContributionNotFound(command.contributionId);
  assertMayActOn(command, state);
  const actor = { id: command.metadata.actor.id, name: command.metadata.actor.name };
  switch (command.type) {
    case 'ReviseContribution':
      return decideRevise(command.data, state);
    case 'WithdrawContribution':
      return [{ type: 'ContributionWithdrawn', data: {} }];
    case 'RequestContributionChanges':
      throwIfInvalid(text('note', command.data.note, CONTRIBUTION_LIMITS.noteMaxLength));
      return [{ type: 'ContributionChangesRequested', data: { note: command.data.note } }];
    case 'RejectContribution':
      throwIfInvalid(text('reason', command.data.reason, CONTRIBUTION_LIMITS.reasonMaxLength));
      return [{ type: 'ContributionRejected', data: { reason: command.data.reason, rejectedBy: actor } }];
    case 'AcceptContribution':
      // Not a refusal the client can cause: the accept use case decides with the article's state.
      throw new Error('AcceptContribution is decided with its article: use decideAcceptance');
    default:
      return assertNever(command, 'contribution command');
  }
}

function decideSubmit(command: SubmitContribution): ContributionEvent[] {
  const { articleId, blocks, photos, note, credit } = command.data;
  const issues: Issues = [];
  requiredText(issues, 'articleId', articleId, Infinity);
  const content = { blocks, photos: photos ?? [], note: note ?? '', credit: withoutUndefined(credit) };
  issues.push(...validateContribution(content));
  if (credit === undefined) issues.push({ path: 'credit', message: 'is required' });
  throwIfInvalid(issues);
  return [{ type: 'ContributionSubmitted', data: { contributionId: command.contributionId, articleId, ...content } }];
}

function decideRevise(requested: Partial<ContributionContent>, state: ContributionSnapshot): ContributionEvent[] {
  const changes: Partial<ContributionContent> = {};
  for (const key of CONTENT_KEYS) {
    const value = requested[key];
    if (value !== undefined && !jsonEqual(value, state[key])) Object.assign(changes, { [key]: value });
  }
  // Nothing changed on a sent-back contribution still sends it back to the desk: that is the point.
  if (Object.keys(changes).length === 0 && state.status === 'submitted') return [];
  throwIfInvalid(validateContribution(changes));
  return [{ type: 'ContributionRevised', data: { changes } }];
}

function text(path: string, value: unknown, max: number): Issues {
  const issues: Issues = [];
  requiredText(issues, path, value, max);
  return issues;
}
