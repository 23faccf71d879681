import { jsonEqual, withoutUndefined } from '../shared/json-equal';
import { contributorNameKey } from '../shared/text';
import type {
  AddContributor,
  AttachPhoto,
  DetachPhoto,
  DraftArticle,
  RemoveContributor,
  ReviseArticle,
  UpdatePhoto,
} from './article.commands';
import {
  ARTICLE_LIMITS,
  DRAFT_FIELD_KEYS,
  validateContent,
  validateContributor,
  validateDraftFields,
  validatePhoto,
  withDraftDefaults,
  type DraftFields,
  type Photo,
} from './article.content';
import { ContributorNotFound, DuplicateContributor, PhotoInUse, PhotoNotFound } from './article.errors';
import type { ArticleEvent } from './article.events';
import type { ArticleSnapshot } from './article.state';
import { requiredText, throwIfInvalid, type ValidationIssue } from '../shared/validation';

export function decideDraft(command: DraftArticle): ArticleEvent[] {
  const fields = withDraftDefaults(command.data);
  const issues: ValidationIssue[] = [];
  requiredText(issues, 'articleId', command.articleId, Infinity);
  issues.push(...validateContent({ ...fields, contributors: [], photos: [] }));
  throwIfInvalid(issues);
  return [{ type: 'ArticleDrafted', data: { articleId: command.articleId, ...fields } }];
}

export function decideRevise(command: ReviseArticle, state: ArticleSnapshot): ArticleEvent[] {
  const changes = changedFields(state.working, command.data, DRAFT_FIELD_KEYS);
  if (Object.keys(changes).length === 0) return [];
  const revised: DraftFields = { ...state.working, ...changes };
  throwIfInvalid(onlyAbout(changes, validateDraftFields(revised, state.working.photos)));
  return [{ type: 'ArticleRevised', data: { changes } }];
}

export function decideAddContributor(command: AddContributor, state: ArticleSnapshot): ArticleEvent[] {
  const { contributorId, name, role, affiliation } = command.data;
  const contributor = withoutUndefined({ contributorId, name, role, affiliation });
  const issues = validateContributor(contributor);
  const { contributorsMaxCount } = ARTICLE_LIMITS;
  if (state.working.contributors.length >= contributorsMaxCount) {
    issues.push({
      path: 'contributors',
      message: `an article may credit at most ${contributorsMaxCount} contributors`,
    });
  }
  throwIfInvalid(issues);
  const existing = state.working.contributors.find(
    (c) =>
      c.contributorId === contributorId || (contributorNameKey(c.name) === contributorNameKey(name) && c.role === role),
  );
  if (existing) throw new DuplicateContributor(existing.contributorId, existing.name, existing.role);
  return [{ type: 'ContributorAdded', data: { contributor } }];
}

export function decideRemoveContributor(command: RemoveContributor, state: ArticleSnapshot): ArticleEvent[] {
  const contributor = state.working.contributors.find((c) => c.contributorId === command.data.contributorId);
  if (!contributor) throw new ContributorNotFound(command.data.contributorId);
  const { contributorId, name, role } = contributor;
  return [{ type: 'ContributorRemoved', data: { contributorId, name, role } }];
}

export function decideAttachPhoto(command: AttachPhoto, state: ArticleSnapshot): ArticleEvent[] {
  const { photoId, url, caption, credit, altText, rights } = command.data;
  const photo = withoutUndefined({ photoId, url, caption, credit, altText, rights });
  const issues = validatePhoto(photo);
  const { photosMaxCount } = ARTICLE_LIMITS;
  if (state.working.photos.length >= photosMaxCount) {
    issues.push({ path: 'photos', message: `an article may have at most ${photosMaxCount} photos` });
  }
  if (state.working.photos.some((p) => p.photoId === photoId)) {
    issues.push({ path: 'photoId', message: `photo ${photoId} is already attached` });
  }
  throwIfInvalid(issues);
  return [{ type: 'PhotoAttached', data: { photo } }];
}

const PHOTO_FIELD_KEYS = ['url', 'caption', 'credit', 'altText', 'rights'] as const satisfies readonly (keyof Photo)[];

export function decideUpdatePhoto(command: UpdatePhoto, state: ArticleSnapshot): ArticleEvent[] {
  const { photoId } = command.data;
  const photo = state.working.photos.find((p) => p.photoId === photoId);
  if (!photo) throw new PhotoNotFound(photoId);
  const changes = changedFields(photo, command.data, PHOTO_FIELD_KEYS);
  if (Object.keys(changes).length === 0) return [];
  throwIfInvalid(onlyAbout(changes, validatePhoto({ ...photo, ...changes })));
  return [{ type: 'PhotoUpdated', data: { photoId, changes } }];
}

export function decideDetachPhoto(command: DetachPhoto, state: ArticleSnapshot): ArticleEvent[] {
  const { photoId } = command.data;
  if (!state.working.photos.some((p) => p.photoId === photoId)) throw new PhotoNotFound(photoId);
  // Silently dropping the blocks would change the story's text behind the editor's back.
  const blockIndexes = state.working.body.flatMap((block, i) =>
    block.type === 'photo' && block.photoId === photoId ? [i] : [],
  );
  if (blockIndexes.length > 0) throw new PhotoInUse(photoId, blockIndexes);
  return [{ type: 'PhotoDetached', data: { photoId } }];
}

/** The requested values that differ from the current ones; `undefined` means "not requested". */
function changedFields<T extends object, K extends keyof T>(
  current: T,
  requested: Partial<T>,
  keys: readonly K[],
): Partial<Pick<T, K>> {
  const changes: Partial<Pick<T, K>> = {};
  for (const key of keys) {
    const value = requested[key];
    if (value !== undefined && !jsonEqual(value, current[key])) changes[key] = value;
  }
  return changes;
}

// Only fields being changed are judged, so content stored under older, looser limits stays editable.
function onlyAbout(changes: object, issues: ValidationIssue[]): ValidationIssue[] {
  const changed = new Set(Object.keys(changes));
  return issues.filter((issue) => changed.has(issue.path.split(/[.[]/)[0]!));
}
