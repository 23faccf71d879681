import type { ContributionEventType } from './contribution.events';

const CONTENT = (at: string) => [
  `${at}blocks[*].text`,
  `${at}blocks[*].attribution`,
  `${at}photos[*].caption`,
  `${at}photos[*].credit`,
  `${at}photos[*].altText`,
  `${at}photos[*].rights`,
  `${at}note`,
  `${at}credit.name`,
  `${at}credit.affiliation`,
];

/** A contribution's free text, as ARTICLE_REDACTABLE_FIELDS describes it for articles. */
export const CONTRIBUTION_REDACTABLE_FIELDS: { readonly [T in ContributionEventType]: readonly string[] } =
  Object.freeze({
    ContributionSubmitted: CONTENT(''),
    ContributionRevised: CONTENT('changes.'),
    ContributionWithdrawn: [],
    ContributionChangesRequested: ['note'],
    ContributionAccepted: ['credit.name', 'credit.affiliation'],
    ContributionRejected: ['reason'],
    // The order only, in clear: what auditors are shown.
    ContributionRedacted: [],
  });
