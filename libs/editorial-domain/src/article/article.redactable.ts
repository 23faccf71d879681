import type { ArticleEventType } from './article.events';

const TEXT_BLOCKS = (at: string) => [`${at}[*].text`, `${at}[*].attribution`];
const PHOTO_TEXTS = (at: string) => [`${at}.caption`, `${at}.credit`, `${at}.altText`, `${at}.rights`];
const PERSON = (at: string) => [`${at}.name`, `${at}.affiliation`];
const CONTENT_TEXTS = (at: string) => [
  `${at}.headline`,
  `${at}.standfirst`,
  ...TEXT_BLOCKS(`${at}.body`),
  ...PERSON(`${at}.contributors[*]`),
  ...PHOTO_TEXTS(`${at}.photos[*]`),
];

/**
 * Where each event's free text lives: the fields a legal redaction (issue #12) may have to make
 * unreadable, and so the fields written encrypted, each value under a key of its own. `[*]` is
 * every item of a list; a path whose value is absent or not a non-empty string is skipped.
 *
 * Left in clear on purpose: identifiers, URLs, dates, language, dateline, source, sections and
 * tags (structure that routing, feeds and queries read, and that names nobody in a story's
 * text), and the actors in metadata (staff, who are no part of what a court order reaches).
 * A mapped object, so a new event type does not compile until someone decides its free text.
 */
export const ARTICLE_REDACTABLE_FIELDS: { readonly [T in ArticleEventType]: readonly string[] } = Object.freeze({
  ArticleDrafted: ['headline', 'standfirst', ...TEXT_BLOCKS('body')],
  ArticleRevised: ['changes.headline', 'changes.standfirst', ...TEXT_BLOCKS('changes.body')],
  ContributorAdded: PERSON('contributor'),
  ContributorRemoved: ['name'],
  PhotoAttached: PHOTO_TEXTS('photo'),
  PhotoUpdated: PHOTO_TEXTS('changes'),
  PhotoDetached: [],
  SubmittedForReview: [],
  ChangesRequested: ['note'],
  ArticleApproved: [],
  ArticlePublished: [],
  PublicationScheduled: [],
  ScheduleCancelled: [],
  ArticleUnpublished: ['reason'],
  CorrectionIssued: ['correction.text'],
  ReporterAssigned: [],
  ReporterUnassigned: [],
  ContributionMerged: [...TEXT_BLOCKS('blocks'), ...PHOTO_TEXTS('photos[*]'), ...PERSON('contributor')],
  RedactionRequested: ['passage'],
  RedactionDeclined: [],
  // The order (reason, basis, reference) stays readable: it is what auditors are shown.
  ContentRedacted: [...CONTENT_TEXTS('working'), ...CONTENT_TEXTS('live'), 'corrections[*].text', 'note'],
});
