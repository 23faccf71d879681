import type { ArticlePolicy, MergeContribution } from '../article/article.commands';
import { decide as decideArticle } from '../article/article.decide';
import { ArticleNotFound } from '../article/article.errors';
import type { ArticleEvent, ContributionMerged } from '../article/article.events';
import type { ArticleState } from '../article/article.state';
import { throwIfInvalid } from '../shared/validation';
import type { AcceptContribution } from './contribution.commands';
import { ContributionNotFound } from './contribution.errors';
import type { ContributionEvent } from './contribution.events';
import { assertContributionRole, assertMayActOn } from './contribution.rules';
import type { ContributionState } from './contribution.state';
import { validateCredit } from './contribution.validation';

export interface Acceptance {
  contribution: ContributionEvent[];
  article: ArticleEvent[];
}

/**
 * Accepting a contribution, decided over both aggregates at once: the contribution must be
 * submitted and the actor the desk; the article decides the merge (where the blocks land, limits,
 * once per contribution). The two sets of events are appended together or not at all, so the
 * contribution reads "accepted" exactly when its article holds the merge. Pure, like `decide`.
 */
export function decideAcceptance(
  command: AcceptContribution,
  contribution: ContributionState,
  article: ArticleState,
  policy: ArticlePolicy,
): Acceptance {
  assertContributionRole(command);
  if (contribution.status === 'none') throw new ContributionNotFound(command.contributionId);
  assertMayActOn(command, contribution);
  const credit = command.data.credit ?? contribution.credit;
  if (command.data.credit) throwIfInvalid(validateCredit(command.data.credit));
  if (article.status === 'none') throw new ArticleNotFound(contribution.articleId);
  const { actor, now } = command.metadata;
  const merge: MergeContribution = {
    type: 'MergeContribution',
    articleId: contribution.articleId,
    data: {
      contributionId: contribution.contributionId,
      author: contribution.author,
      blocks: contribution.blocks,
      photos: contribution.photos,
      // One credit per contribution: its id names the credit, so it can be traced back.
      credit: { contributorId: contribution.contributionId, ...credit },
      ...(command.data.afterBlock === undefined ? {} : { afterBlock: command.data.afterBlock }),
    },
    metadata: { actor, now, policy },
  };
  const articleEvents = decideArticle(merge, article);
  const merged = articleEvents.find((e): e is ContributionMerged => e.type === 'ContributionMerged')!;
  return {
    article: articleEvents,
    contribution: [
      {
        type: 'ContributionAccepted',
        data: {
          articleId: contribution.articleId,
          articleVersion: article.version + articleEvents.length,
          atBlock: merged.data.atBlock,
          credit,
          acceptedBy: { id: actor.id, name: actor.name },
        },
      },
    ],
  };
}
