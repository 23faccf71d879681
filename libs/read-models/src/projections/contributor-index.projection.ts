import { contributorNameKey, type ContributorRole } from '@newsroom/editorial-domain';
import type { ArticleRow } from './article-state.projection';
import { textOf } from './redacted-text';

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
    // A name in replayed history may be a redaction marker: the column holds text.
    name: textOf(c.name),
    nameKey: nameKeyOf(textOf(c.name)),
    role: c.role,
  }));
}

/** The domain's rule, so a search finds exactly the names the decider counts as the same. */
export const nameKeyOf = contributorNameKey;
