import type { ContributionStatus, ContributionView, CreditView } from '@newsroom/contracts';
import { CONTRIBUTION_ALLOWED_FROM } from '@newsroom/contracts';
import { ApiError } from '../api/http';
import { sentenceOf } from '../article/refusal.sentence';

export const CONTRIBUTION_STATUS_LABELS: Record<ContributionStatus, string> = {
  submitted: 'Submitted',
  changes_requested: 'Sent back for changes',
  accepted: 'Accepted',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
};

/** The colour of a status badge; the text stays dark on all of them (AA contrast on light badges). */
export const CONTRIBUTION_STATUS_COLORS: Record<ContributionStatus, string> = {
  submitted: 'blue',
  changes_requested: 'orange',
  accepted: 'green',
  rejected: 'red',
  withdrawn: 'gray',
};

const STATUS_WORDS: Record<ContributionStatus, string> = {
  submitted: 'waiting for the desk',
  changes_requested: 'sent back for changes',
  accepted: 'accepted',
  rejected: 'rejected',
  withdrawn: 'withdrawn',
};

/** Whether the author may still revise or withdraw it. */
export const isOpen = (c: Pick<ContributionView, 'status'>) =>
  CONTRIBUTION_ALLOWED_FROM.ReviseContribution.includes(c.status);

/** Whether the desk may accept or send it back now (rejecting is allowed from either open status). */
export const awaitsDesk = (c: Pick<ContributionView, 'status'>) =>
  CONTRIBUTION_ALLOWED_FROM.AcceptContribution.includes(c.status);

/** "Kim Lee, photographer (Reuters)". */
export function describeCredit(c: CreditView): string {
  return `${c.name}, ${c.role}${c.affiliation ? ` (${c.affiliation})` : ''}`;
}

/** Sent-back items first (they wait for their author), then open ones, then the rest; newest first within. */
export function inReporterOrder<T extends Pick<ContributionView, 'status' | 'updatedAt'>>(items: readonly T[]): T[] {
  const rank = (s: ContributionStatus) => (s === 'changes_requested' ? 0 : s === 'submitted' ? 1 : 2);
  return [...items].sort((a, b) => rank(a.status) - rank(b.status) || b.updatedAt.localeCompare(a.updatedAt));
}

/**
 * A failed contribution command as a sentence: a 409 names the contribution's status (the article
 * sentence would speak of the article), a 412 says someone changed the contribution.
 */
export function contributionSentence(err: unknown, doing: string): string {
  if (err instanceof ApiError && err.status === 409 && Array.isArray(err.body?.allowedFrom)) {
    const word = (s: unknown) => STATUS_WORDS[s as ContributionStatus] ?? String(s);
    const now = err.body.currentStatus;
    if (now !== undefined && Object.hasOwn(STATUS_WORDS, String(now))) {
      return (
        `${doing} is not possible while the contribution is ${word(now)}; ` +
        `it is possible only when it is ${err.body.allowedFrom.map(word).join(' or ')}.`
      );
    }
  }
  if (err instanceof ApiError && err.status === 412) {
    return (
      'The contribution changed since you opened it (the desk or another tab). ' +
      'Your text is kept here; look at the latest version and send again.'
    );
  }
  return sentenceOf(err, doing);
}

/** Where blocks land: `atBlock` of the article's blocks stay before them. */
export function positionWords(atBlock: number, total?: number): string {
  if (atBlock === 0) return 'at the start';
  if (total !== undefined && atBlock >= total) return `at the end, after block ${atBlock}`;
  return `after block ${atBlock}`;
}
