import { contributorNameKey } from '../shared/text';
import { throwIfInvalid, type Issues } from '../shared/validation';
import type { MergeContribution } from './article.commands';
import { ARTICLE_LIMITS, validateContributor, validateDraftFields, validatePhoto } from './article.content';
import { ContributionAlreadyMerged } from './article.errors';
import type { ArticleEvent } from './article.events';
import type { ArticleSnapshot } from './article.state';

/**
 * Merges an accepted contribution into the working copy, once: the same contribution id again is
 * refused, so a retried or replayed accept can never insert its text twice. The position is judged
 * against the body as it is now, which may have changed since the editor previewed it.
 */
export function decideMergeContribution(command: MergeContribution, state: ArticleSnapshot): ArticleEvent[] {
  const { contributionId, author, blocks, photos, credit, afterBlock } = command.data;
  if ((state.mergedContributions ?? []).includes(contributionId)) throw new ContributionAlreadyMerged(contributionId);
  const { body } = state.working;
  const issues: Issues = [];
  if (afterBlock !== undefined && !(Number.isInteger(afterBlock) && afterBlock >= 0 && afterBlock <= body.length)) {
    issues.push({
      path: 'afterBlock',
      message: `must be a whole number from 0 to ${body.length}, the article's blocks`,
    });
  }
  const atBlock = afterBlock ?? body.length;
  const merged = { ...state.working, body: [...body.slice(0, atBlock), ...blocks, ...body.slice(atBlock)] };
  const photosAfter = [...state.working.photos, ...photos];
  issues.push(...validateDraftFields(merged, photosAfter).filter((i) => i.path.startsWith('body')));
  photos.forEach((p, i) => issues.push(...validatePhoto(p, `photos[${i}].`)));
  if (photosAfter.length > ARTICLE_LIMITS.photosMaxCount) {
    issues.push({ path: 'photos', message: `an article may have at most ${ARTICLE_LIMITS.photosMaxCount} photos` });
  }
  issues.push(...validateContributor(credit, 'credit.'));
  throwIfInvalid(issues);
  const existing = state.working.contributors.find(
    (c) => contributorNameKey(c.name) === contributorNameKey(credit.name) && c.role === credit.role,
  );
  const credited = existing === undefined;
  if (credited && state.working.contributors.length >= ARTICLE_LIMITS.contributorsMaxCount) {
    throwIfInvalid([
      { path: 'credit', message: `an article may credit at most ${ARTICLE_LIMITS.contributorsMaxCount} contributors` },
    ]);
  }
  return [
    {
      type: 'ContributionMerged',
      data: { contributionId, author, atBlock, blocks, photos, contributor: existing ?? credit, credited },
    },
  ];
}
