import * as wire from '@newsroom/contracts';
import * as domain from '@newsroom/editorial-domain';

// libs/contracts states the statuses, roles, kinds, limits and error codes once more, as plain
// values a browser can import without the domain. These assignments compile only while both say
// exactly the same; a value the compiler cannot see (a computed limit) is checked by the spec beside.

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Values<T extends readonly unknown[]> = T[number];

export const CONTRACTS_AGREE_WITH_DOMAIN: {
  statuses: Same<Values<typeof wire.ARTICLE_STATUSES>, domain.ArticleStatus>;
  statusOrder: Same<typeof wire.ARTICLE_STATUSES, typeof domain.ARTICLE_STATUSES>;
  contributorRoles: Same<typeof wire.CONTRIBUTOR_ROLES, typeof domain.CONTRIBUTOR_ROLES>;
  correctionKinds: Same<typeof wire.CORRECTION_KINDS, typeof domain.CORRECTION_KINDS>;
  publicationKinds: Same<wire.PublicationKind, domain.PublicationKind>;
  bodyBlockTypes: Same<typeof wire.BODY_BLOCK_TYPES, typeof domain.BODY_BLOCK_TYPES>;
  limits: Same<Record<keyof typeof wire.ARTICLE_LIMITS, number>, Record<keyof typeof domain.ARTICLE_LIMITS, number>>;
  limitValues: typeof wire.ARTICLE_LIMITS extends typeof domain.ARTICLE_LIMITS ? true : false;
  errorCodes: Same<wire.ErrorCode, domain.DomainErrorCode>;
  validationIssue: Same<wire.ErrorDetail, domain.ValidationIssue>;
} = {
  statuses: true,
  statusOrder: true,
  contributorRoles: true,
  correctionKinds: true,
  publicationKinds: true,
  bodyBlockTypes: true,
  limits: true,
  limitValues: true,
  errorCodes: true,
  validationIssue: true,
};
