import type { ActingRole } from '../shared/actor';
import { Forbidden, InvalidTransition } from '../shared/domain-error';
import type { ContributionCommand, ContributionCommandType } from './contribution.commands';
import type { ContributionSnapshot, ContributionStatus } from './contribution.state';

type OnExisting = Exclude<ContributionCommandType, 'SubmitContribution'>;

/** The workflow: the statuses from which each command may run. Accepted, rejected and withdrawn are final. */
export const CONTRIBUTION_ALLOWED_FROM: { readonly [T in OnExisting]: readonly ContributionStatus[] } = {
  ReviseContribution: ['submitted', 'changes_requested'],
  WithdrawContribution: ['submitted', 'changes_requested'],
  RequestContributionChanges: ['submitted'],
  AcceptContribution: ['submitted'],
  RejectContribution: ['submitted', 'changes_requested'],
};

/** Commands each acting role may ever attempt; revising and withdrawing are further the author's alone. */
export const CONTRIBUTION_ROLE_PERMISSIONS: { readonly [R in ActingRole]: readonly ContributionCommandType[] } = {
  reporter: ['SubmitContribution', 'ReviseContribution', 'WithdrawContribution'],
  editor: [
    'SubmitContribution',
    'ReviseContribution',
    'WithdrawContribution',
    'RequestContributionChanges',
    'AcceptContribution',
    'RejectContribution',
  ],
  admin: [
    'SubmitContribution',
    'ReviseContribution',
    'WithdrawContribution',
    'RequestContributionChanges',
    'AcceptContribution',
    'RejectContribution',
  ],
  auditor: [],
  system: [],
};

const AUTHOR_ONLY: readonly ContributionCommandType[] = ['ReviseContribution', 'WithdrawContribution'];

export function assertContributionRole(command: ContributionCommand): void {
  const { role, roles } = command.metadata.actor;
  if (!roles.includes(role)) throw new Forbidden(role, command.type, `the actor does not hold the ${role} role`);
  if (!CONTRIBUTION_ROLE_PERMISSIONS[role]?.includes(command.type)) {
    const reason =
      role === 'auditor'
        ? 'auditors have read-only access'
        : 'reporters may submit, revise and withdraw their own contributions; the desk accepts or rejects them';
    throw new Forbidden(role, command.type, reason);
  }
}

/** Only the author revises or withdraws; the desk asks for changes instead of making them. */
export function assertMayActOn(command: ContributionCommand & { type: OnExisting }, state: ContributionSnapshot): void {
  const { actor } = command.metadata;
  if (AUTHOR_ONLY.includes(command.type) && state.author.id !== actor.id) {
    throw new Forbidden(
      actor.role,
      command.type,
      `only its author may change a contribution; this one is ${state.author.name}'s`,
    );
  }
  const allowedFrom = CONTRIBUTION_ALLOWED_FROM[command.type];
  if (!allowedFrom.includes(state.status)) {
    throw new InvalidTransition(
      { currentStatus: state.status, command: command.type, allowedFrom: [...allowedFrom] },
      undefined,
      'contribution',
    );
  }
}
