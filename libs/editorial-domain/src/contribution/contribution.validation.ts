import { ARTICLE_LIMITS, CONTRIBUTOR_ROLES, validatePhoto } from '../article/article.content';
import { oneOf, optionalText, requiredText, type Issues } from '../shared/validation';
import { CONTRIBUTION_BLOCK_TYPES, type ContributionContent, type Credit } from './contribution.commands';

export const CONTRIBUTION_LIMITS = Object.freeze({
  blocksMaxCount: 50,
  blockTextMaxLength: 20_000,
  photosMaxCount: 20,
  noteMaxLength: ARTICLE_LIMITS.noteMaxLength,
  reasonMaxLength: ARTICLE_LIMITS.reasonMaxLength,
});
const L = CONTRIBUTION_LIMITS;

/** Problems with the content given (all of it for a submission, the changed parts for a revision). */
export function validateContribution(content: Partial<ContributionContent>): Issues {
  const issues: Issues = [];
  if (content.blocks !== undefined) validateBlocks(issues, content.blocks);
  if (content.photos !== undefined) {
    if (!Array.isArray(content.photos)) issues.push({ path: 'photos', message: 'must be a list' });
    else {
      if (content.photos.length > L.photosMaxCount)
        issues.push({ path: 'photos', message: `must have at most ${L.photosMaxCount} entries` });
      content.photos.forEach((p, i) => issues.push(...validatePhoto(p, `photos[${i}].`)));
    }
  }
  if (content.note !== undefined) optionalText(issues, 'note', content.note, L.noteMaxLength);
  if (content.credit !== undefined) issues.push(...validateCredit(content.credit));
  return issues;
}

export function validateCredit(credit: Credit, path = 'credit'): Issues {
  const issues: Issues = [];
  requiredText(issues, `${path}.name`, credit?.name, ARTICLE_LIMITS.contributorNameMaxLength);
  oneOf(issues, `${path}.role`, credit?.role, CONTRIBUTOR_ROLES);
  optionalText(issues, `${path}.affiliation`, credit?.affiliation, ARTICLE_LIMITS.affiliationMaxLength);
  return issues;
}

function validateBlocks(issues: Issues, blocks: unknown): void {
  if (!Array.isArray(blocks)) {
    issues.push({ path: 'blocks', message: 'must be a list of blocks' });
    return;
  }
  if (blocks.length === 0) issues.push({ path: 'blocks', message: 'must have at least one block' });
  if (blocks.length > L.blocksMaxCount)
    issues.push({ path: 'blocks', message: `must have at most ${L.blocksMaxCount} blocks` });
  blocks.forEach((block: Partial<Record<string, unknown>> | null, i) => {
    const at = `blocks[${i}]`;
    if (!CONTRIBUTION_BLOCK_TYPES.includes(block?.type as never)) {
      issues.push({ path: `${at}.type`, message: `must be one of: ${CONTRIBUTION_BLOCK_TYPES.join(', ')}` });
      return;
    }
    requiredText(issues, `${at}.text`, block!.text, L.blockTextMaxLength);
    if (block!.type === 'quote') optionalText(issues, `${at}.attribution`, block!.attribution, L.blockTextMaxLength);
  });
}
