// Plain values a client needs to validate or label what it shows. The domain holds the same rules;
// libs/read-models/src/views/contracts-agree.ts makes the compiler refuse any difference.

export const ARTICLE_STATUSES = [
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'scheduled',
  'published',
  'unpublished',
] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const CONTRIBUTOR_ROLES = ['author', 'contributor', 'photographer', 'editor', 'translator', 'producer'] as const;
export type ContributorRole = (typeof CONTRIBUTOR_ROLES)[number];

export const CORRECTION_KINDS = ['correction', 'clarification'] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

export const PUBLICATION_KINDS = ['initial', 'major', 'minor'] as const;
export type PublicationKind = (typeof PUBLICATION_KINDS)[number];

export const BODY_BLOCK_TYPES = ['paragraph', 'subheading', 'quote', 'photo'] as const;
export type BodyBlockType = (typeof BODY_BLOCK_TYPES)[number];

/** Every limit the API enforces on article content; lengths in characters (code points) unless named bytes. */
export const ARTICLE_LIMITS = {
  headlineMaxLength: 300,
  standfirstMaxLength: 1000,
  datelineMaxLength: 100,
  bodyMaxBlocks: 500,
  bodyMaxBytes: 204800,
  sectionsMaxCount: 20,
  sectionMaxLength: 100,
  tagsMaxCount: 50,
  tagMaxLength: 100,
  sourceMaxLength: 200,
  contributorsMaxCount: 100,
  contributorNameMaxLength: 200,
  affiliationMaxLength: 200,
  photosMaxCount: 100,
  photoUrlMaxLength: 2000,
  captionMaxLength: 2000,
  creditMaxLength: 300,
  altTextMaxLength: 1000,
  rightsMaxLength: 500,
  noteMaxLength: 2000,
  reasonMaxLength: 2000,
  correctionMaxLength: 5000,
} as const;

/** Page sizes of the list endpoints: the default, and the most a client may ask for. */
export const PAGE_LIMITS = {
  articles: { default: 20, max: 100 },
  audit: { default: 50, max: 500 },
} as const;
