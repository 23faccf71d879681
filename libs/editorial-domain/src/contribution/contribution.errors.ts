import { DomainError } from '../shared/domain-error';

export class ContributionNotFound extends DomainError<{ contributionId: string }> {
  readonly code = 'CONTRIBUTION_NOT_FOUND';
  declare readonly contributionId: string;
  constructor(contributionId: string) {
    super(`Contribution ${contributionId} does not exist`, { contributionId });
  }
}

export class ContributionAlreadyExists extends DomainError<{ contributionId: string }> {
  readonly code = 'CONTRIBUTION_ALREADY_EXISTS';
  declare readonly contributionId: string;
  constructor(contributionId: string) {
    super(`Contribution ${contributionId} already exists`, { contributionId });
  }
}
