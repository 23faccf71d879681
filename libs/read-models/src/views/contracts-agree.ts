import type * as wire from '@newsroom/contracts';
import type * as domain from '@newsroom/editorial-domain';

// The wire's error body is written for clients; the domain's errors are written for the decider.
// These assignments compile only while both name the same codes and the same issue shape.

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const CONTRACTS_AGREE_WITH_DOMAIN: {
  errorCodes: Same<wire.RefusalCode, domain.DomainErrorCode>;
  validationIssue: Same<wire.ErrorDetail, domain.ValidationIssue>;
} = {
  errorCodes: true,
  validationIssue: true,
};
