import { contributorNameKey, type ContributorRole } from '@newsroom/editorial-domain';
import type { ArticleRow } from './article-state.projection';

/** Table `contributor_index`: which articles credit whom; the runner replaces an article's entries whole. */
export interface ContributorEntry {
  articleId: string;
  contributorId: string;
  name: string;
  /** The name as searched (`contributorNameKey`), so "Jane  DOE" finds "Jane Doe". */
  nameKey: string;
  role: ContributorRole;
}

/** The entries for an article's current working credits, in credit order. */
export function contributorEntriesOf(article: ArticleRow): ContributorEntry[] {
  return article.working.contributors.map((c) => ({
    articleId: article.articleId,
    contributorId: c.contributorId,
    name: c.name,
    nameKey: nameKeyOf(c.name),
    role: c.role,
  }));
}

/** The domain's rule, so a search finds exactly the names the decider counts as the same. */
export const nameKeyOf = contributorNameKey;
