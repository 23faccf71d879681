import { utf8ByteLength } from '../shared/text';
import {
  httpUrl,
  isoTimestamp,
  labelList,
  LANGUAGE_TAG,
  oneOf,
  optionalText,
  requiredText,
  type Issues,
  type ValidationIssue,
} from '../shared/validation';

export type BodyBlock =
  | { type: 'paragraph'; text: string }
  | { type: 'subheading'; text: string }
  | { type: 'quote'; text: string; attribution?: string }
  | { type: 'photo'; photoId: string };

export const BODY_BLOCK_TYPES = [
  'paragraph',
  'subheading',
  'quote',
  'photo',
] as const satisfies readonly BodyBlock['type'][];

export type ContributorRole = 'author' | 'contributor' | 'photographer' | 'editor' | 'translator' | 'producer';
export const CONTRIBUTOR_ROLES = [
  'author',
  'contributor',
  'photographer',
  'editor',
  'translator',
  'producer',
] as const satisfies readonly ContributorRole[];

export interface Contributor {
  contributorId: string;
  name: string;
  role: ContributorRole;
  affiliation?: string;
}
export interface Photo {
  photoId: string;
  url: string;
  caption: string;
  credit: string;
  altText?: string;
  rights?: string;
}

export type CorrectionKind = 'correction' | 'clarification';
export const CORRECTION_KINDS = ['correction', 'clarification'] as const satisfies readonly CorrectionKind[];
export interface Correction {
  text: string;
  kind: CorrectionKind;
  issuedAt: string;
}

export interface DraftFields {
  headline: string;
  standfirst: string;
  dateline: string;
  body: BodyBlock[];
  sections: string[];
  tags: string[];
  language: string;
  source: string;
  embargoUntil: string | null;
}
export interface ArticleContent extends DraftFields {
  contributors: Contributor[];
  photos: Photo[];
}

export const DRAFT_FIELD_KEYS = [
  'headline',
  'standfirst',
  'dateline',
  'body',
  'sections',
  'tags',
  'language',
  'source',
  'embargoUntil',
] as const satisfies readonly (keyof DraftFields)[];

/** The draft fields DraftArticle records: what the reporter gave, defaults for the rest, nothing else. */
export function withDraftDefaults(data: Partial<DraftFields> & { headline: string }): DraftFields {
  return {
    headline: data.headline,
    standfirst: data.standfirst ?? '',
    dateline: data.dateline ?? '',
    body: data.body ?? [],
    sections: data.sections ?? [],
    tags: data.tags ?? [],
    language: data.language ?? 'en',
    source: data.source ?? '',
    embargoUntil: data.embargoUntil ?? null,
  };
}

/** Every limit the decider enforces; lengths are in characters (code points) unless named bytes. */
export const ARTICLE_LIMITS = Object.freeze({
  headlineMaxLength: 300,
  standfirstMaxLength: 1000,
  datelineMaxLength: 100,
  bodyMaxBlocks: 500,
  bodyMaxBytes: 200 * 1024,
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
  assigneesMaxCount: 20,
  // A redaction order: the passage may be a whole paragraph; basis and reference are citations.
  passageMaxLength: 5000,
  legalBasisMaxLength: 500,
  referenceMaxLength: 300,
});
const L = ARTICLE_LIMITS;

/**
 * All problems with a whole article's content, each with its path (`headline`, `body[3].text`,
 * `photos[0].url`). An empty list means the content is valid.
 */
export function validateContent(content: ArticleContent): ValidationIssue[] {
  const issues: Issues = validateDraftFields(content, content.photos);
  if (content.contributors.length > L.contributorsMaxCount) {
    issues.push({ path: 'contributors', message: `must have at most ${L.contributorsMaxCount} entries` });
  }
  content.contributors.forEach((c, i) => issues.push(...validateContributor(c, `contributors[${i}].`)));
  if (content.photos.length > L.photosMaxCount) {
    issues.push({ path: 'photos', message: `must have at most ${L.photosMaxCount} entries` });
  }
  content.photos.forEach((p, i) => issues.push(...validatePhoto(p, `photos[${i}].`)));
  return issues;
}

/** The draft fields alone; `photos` are the attached photos that body photo blocks may reference. */
export function validateDraftFields(fields: DraftFields, photos: readonly Photo[]): ValidationIssue[] {
  const issues: Issues = [];
  requiredText(issues, 'headline', fields.headline, L.headlineMaxLength);
  optionalText(issues, 'standfirst', fields.standfirst, L.standfirstMaxLength);
  optionalText(issues, 'dateline', fields.dateline, L.datelineMaxLength);
  validateBody(issues, fields.body, photos);
  labelList(issues, 'sections', fields.sections, L.sectionsMaxCount, L.sectionMaxLength);
  labelList(issues, 'tags', fields.tags, L.tagsMaxCount, L.tagMaxLength);
  if (typeof fields.language !== 'string' || !LANGUAGE_TAG.test(fields.language)) {
    issues.push({ path: 'language', message: 'must be a BCP-47 language tag such as en, en-GB or zh-Hant-TW' });
  }
  optionalText(issues, 'source', fields.source, L.sourceMaxLength);
  if (fields.embargoUntil !== null) isoTimestamp(issues, 'embargoUntil', fields.embargoUntil);
  return issues;
}

function validateBody(issues: Issues, body: unknown, photos: readonly Photo[]): void {
  if (!Array.isArray(body)) {
    issues.push({ path: 'body', message: 'must be a list of blocks' });
    return;
  }
  if (body.length > L.bodyMaxBlocks)
    issues.push({ path: 'body', message: `must have at most ${L.bodyMaxBlocks} blocks` });
  if (utf8ByteLength(JSON.stringify(body)) > L.bodyMaxBytes) {
    issues.push({ path: 'body', message: `must be at most ${L.bodyMaxBytes} bytes as UTF-8 JSON` });
  }
  const attached = new Set(photos.map((p) => p.photoId));
  body.forEach((block: Partial<Record<string, unknown>> | null, i) => {
    const at = `body[${i}]`;
    // The block comes from outside and may be anything, so an unknown type is a validation
    // issue here rather than a `never` check.
    switch (block?.type) {
      case 'paragraph':
      case 'subheading':
        return requiredText(issues, `${at}.text`, block!.text, Infinity);
      case 'quote':
        requiredText(issues, `${at}.text`, block!.text, Infinity);
        return optionalText(issues, `${at}.attribution`, block!.attribution, Infinity);
      case 'photo':
        if (typeof block!.photoId !== 'string' || !attached.has(block!.photoId)) {
          issues.push({ path: `${at}.photoId`, message: 'must reference a photo attached to the article' });
        }
        return;
      default:
        issues.push({ path: `${at}.type`, message: `must be one of: ${BODY_BLOCK_TYPES.join(', ')}` });
    }
  });
}

/** `prefix` addresses the contributor inside a larger structure (`contributors[2].`); empty for command data. */
export function validateContributor(c: Contributor, prefix = ''): ValidationIssue[] {
  const issues: Issues = [];
  requiredText(issues, `${prefix}contributorId`, c.contributorId, Infinity);
  requiredText(issues, `${prefix}name`, c.name, L.contributorNameMaxLength);
  oneOf(issues, `${prefix}role`, c.role, CONTRIBUTOR_ROLES);
  optionalText(issues, `${prefix}affiliation`, c.affiliation, L.affiliationMaxLength);
  return issues;
}

export function validatePhoto(p: Photo, prefix = ''): ValidationIssue[] {
  const issues: Issues = [];
  requiredText(issues, `${prefix}photoId`, p.photoId, Infinity);
  httpUrl(issues, `${prefix}url`, p.url, L.photoUrlMaxLength);
  requiredText(issues, `${prefix}caption`, p.caption, L.captionMaxLength);
  requiredText(issues, `${prefix}credit`, p.credit, L.creditMaxLength);
  optionalText(issues, `${prefix}altText`, p.altText, L.altTextMaxLength);
  optionalText(issues, `${prefix}rights`, p.rights, L.rightsMaxLength);
  return issues;
}
