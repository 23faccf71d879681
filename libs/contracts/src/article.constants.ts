// The rules a client needs to validate or label what it shows. The domain owns them and the wire
// re-exports them, so there is one source: the domain is pure (no framework, no I/O), so a browser
// bundle can carry it, and a client still imports only this package.
export {
  ARTICLE_EVENT_TYPES,
  ARTICLE_LIMITS,
  ARTICLE_STATUSES,
  BODY_BLOCK_TYPES,
  CONTRIBUTOR_ROLES,
  CORRECTION_KINDS,
  DRAFT_FIELD_KEYS,
  PUBLICATION_KINDS,
  type ArticleEventType,
  type ArticleStatus,
  type ContributorRole,
  type CorrectionKind,
  type PublicationKind,
} from '@newsroom/editorial-domain';
// What a client needs to offer only the commands a user's roles and the article's status allow.
export { ALLOWED_FROM, ROLE_PERMISSIONS, ROLES, type ArticleCommandType, type Role } from '@newsroom/editorial-domain';
import type { BODY_BLOCK_TYPES } from '@newsroom/editorial-domain';
export type BodyBlockType = (typeof BODY_BLOCK_TYPES)[number];

/** Page sizes of the list endpoints: the default, and the most a client may ask for. */
export const PAGE_LIMITS = {
  articles: { default: 20, max: 100 },
  audit: { default: 50, max: 500 },
} as const;
