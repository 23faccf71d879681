import { contributorNameKey, type ContributorRole } from '@newsroom/editorial-domain';
import type { ArticleRow } from './article-state.projection';
import { toArticleEvent, type ProjectedEvent } from './projected-event';
import { textOf } from './redacted-text';

/**
 * The person a credit names, as the ledger keys them: the domain's notion of "the same name"
 * (contributorNameKey: NFC, case folded, whitespace runs as one space). Derived from the name
 * alone, so it is stable across articles, rebuilds and machines, and needs no registry of people;
 * two different people credited under the same name share a key (the decider itself refuses two
 * such credits on one article).
 */
export const personKeyOf = contributorNameKey;

/** Table `contributor_ledger`: one entry per credit in a published version of an article. */
export interface LedgerEntry {
  personKey: string;
  articleId: string;
  /** The article version whose content was published (the live copy's version, not the publishing event's). */
  articleVersion: number;
  publishedAt: string;
  headline: string;
  contributorId: string;
  name: string;
  role: ContributorRole;
  affiliation: string | null;
}

/** Table `contributor_ledger_credits`: which contribution created a credit of an article. */
export interface MergedCredit {
  articleId: string;
  contributorId: string;
  contributionId: string;
}

/** What one article event adds to the ledger. */
export interface LedgerChange {
  /** A credit that an accepted contribution created (not one it found already there). */
  merged: MergedCredit | null;
  /** The credits of the version this event published, when it published one. */
  published: LedgerEntry[];
}

/**
 * Pure: what the event adds, given the article row before and after it. Only a new live copy
 * (a publication, a scheduled publication, a corrected republication) makes entries: the working
 * copy's credits are not in the ledger until readers can see them.
 */
export function ledgerChangeOf(before: ArticleRow | null, e: ProjectedEvent, after: ArticleRow): LedgerChange {
  const event = toArticleEvent(e);
  const merged =
    event.type === 'ContributionMerged' && event.data.credited
      ? {
          articleId: after.articleId,
          contributorId: event.data.contributor.contributorId,
          contributionId: event.data.contributionId,
        }
      : null;
  const live = after.live;
  const republished =
    live !== null && (before?.live?.version !== live.version || before?.live?.publishedAt !== live.publishedAt);
  const published = republished
    ? live.content.contributors.map((c) => ({
        // Published credits of earlier versions may be redacted (markers): the columns hold text.
        personKey: personKeyOf(textOf(c.name)),
        articleId: after.articleId,
        articleVersion: live.version,
        publishedAt: live.publishedAt,
        headline: textOf(live.content.headline),
        contributorId: c.contributorId,
        name: textOf(c.name),
        role: c.role,
        affiliation: c.affiliation ? textOf(c.affiliation) : null,
      }))
    : [];
  return { merged, published };
}
