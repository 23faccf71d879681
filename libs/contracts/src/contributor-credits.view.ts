/**
 * One credit in the contributor ledger (`GET /api/contributors/:key/credits`): a published version
 * of an article that credits the person, and the accepted contribution that created the credit.
 */
export interface ContributorCredit {
  articleId: string;
  /** The article version whose content was published (ArticlePublished's `publishedVersion`). */
  articleVersion: number;
  publishedAt: string;
  /** The headline of that published version. */
  headline: string;
  /** The credit's id in the article: a person credited in two roles has two credits. */
  contributorId: string;
  /** The name as credited in that version. */
  name: string;
  role: string;
  affiliation: string | null;
  /** The accepted contribution that created the credit; null for one the desk added itself. */
  contributionId: string | null;
}

/** A page of one person's credits, newest publication first. */
export interface ContributorCredits {
  /**
   * The person's key: the credited name with Unicode composed (NFC), case folded and runs of
   * whitespace as one space, trimmed. Any spelling of the name that normalises to it finds it.
   */
  key: string;
  items: ContributorCredit[];
  nextCursor: string | null;
}

export const CONTRIBUTOR_CREDITS_PAGE = { default: 50, max: 200 } as const;
