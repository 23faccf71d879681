import {
  ARTICLE_EVENT_TYPES,
  CONTRIBUTION_EVENT_TYPES,
  redactableFields,
  type ArticleEventType,
  type ContributionEventType,
} from '@newsroom/editorial-domain';
import {
  aColleague,
  aContributionContent,
  approved,
  changesRequested,
  contributionAccepted,
  contributionChangesRequested,
  contributionMerged,
  contributionRejected,
  contributionRevised,
  contributionSubmitted,
  contributionWithdrawn,
  contributorAdded,
  contentRedacted,
  contributionRedacted,
  contributorRemoved,
  correctionIssued,
  drafted,
  photoAttached,
  photoDetached,
  photoUpdated,
  publicationScheduled,
  published,
  redactionDeclined,
  redactionRequested,
  reporterAssigned,
  reporterUnassigned,
  revised,
  scheduleCancelled,
  someContent,
  submitted,
  unpublished,
} from '@newsroom/testing';

// Every optional free-text member filled, so that the matrix below sees each field an event can carry.
const BODY = [
  { type: 'paragraph' as const, text: 'p' },
  { type: 'quote' as const, text: 'q', attribution: 'a' },
  { type: 'photo' as const, photoId: 'photo-1' },
];
const PHOTO = { caption: 'c', credit: 'cr', altText: 'alt', rights: 'r' };
const CONTENT = aContributionContent({
  blocks: [{ type: 'quote', text: 'q', attribution: 'a' }],
  photos: [{ photoId: 'photo-9', url: 'https://img.example/9.jpg', ...PHOTO }],
  credit: { name: 'n', role: 'contributor', affiliation: 'af' },
});
const FULL_CONTENT = someContent({
  body: BODY,
  contributors: [{ contributorId: 'c1', name: 'n', role: 'author', affiliation: 'af' }],
  photos: [{ photoId: 'photo-1', url: 'https://img.example/1.jpg', ...PHOTO }],
});
const ONE_OF_EACH: { [T in ArticleEventType | ContributionEventType]: { data: unknown } } = {
  ArticleDrafted: drafted({ body: BODY }),
  ArticleRevised: revised({ headline: 'h', standfirst: 's', body: BODY, dateline: 'd', tags: ['t'] }),
  ContributorAdded: contributorAdded({ affiliation: 'af' }),
  ContributorRemoved: contributorRemoved(),
  PhotoAttached: photoAttached(PHOTO),
  PhotoUpdated: photoUpdated('photo-1', { url: 'https://img.example/2.jpg', ...PHOTO }),
  PhotoDetached: photoDetached(),
  SubmittedForReview: submitted(),
  ChangesRequested: changesRequested(),
  ArticleApproved: approved(),
  ArticlePublished: published({ scheduledBy: { id: aColleague().id, name: aColleague().name } }),
  PublicationScheduled: publicationScheduled(),
  ScheduleCancelled: scheduleCancelled(),
  ArticleUnpublished: unpublished(),
  CorrectionIssued: correctionIssued(),
  ReporterAssigned: reporterAssigned(),
  ReporterUnassigned: reporterUnassigned(),
  ContributionMerged: contributionMerged({
    blocks: CONTENT.blocks,
    photos: CONTENT.photos,
    credit: { contributorId: 'c9', ...CONTENT.credit },
  }),
  ContributionSubmitted: contributionSubmitted(CONTENT),
  ContributionRevised: contributionRevised(CONTENT),
  ContributionWithdrawn: contributionWithdrawn(),
  ContributionChangesRequested: contributionChangesRequested(),
  ContributionAccepted: { data: { ...contributionAccepted().data, credit: CONTENT.credit } },
  ContributionRejected: contributionRejected(),
  RedactionRequested: redactionRequested(),
  RedactionDeclined: redactionDeclined(),
  ContributionRedacted: contributionRedacted({ erased: [{ eventId: 'event-3', path: 'note' }] }),
  ContentRedacted: contentRedacted({
    working: FULL_CONTENT,
    live: FULL_CONTENT,
    corrections: [correctionIssued().data.correction],
    erased: [{ eventId: 'event-2', path: 'note' }],
  }),
};

// What both redaction events leave in clear: the order, and the fields it reached by reference.
const A_REDACTION = ['erased[*].eventId', 'erased[*].path', 'fields[*].eventId', 'fields[*].path'].concat([
  'legalBasis',
  'reason',
  'redactedAt',
  'redactionId',
  'reference',
]);

/** Every text member of a payload as a pattern: `body[*].text`. */
function textMembers(value: unknown, at = ''): string[] {
  if (typeof value === 'string') return [at];
  if (Array.isArray(value)) return [...new Set(value.flatMap((item) => textMembers(item, `${at}[*]`)))];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => textMembers(v, at ? `${at}.${k}` : k));
  }
  return [];
}

const matrix = () =>
  Object.fromEntries(
    [...ARTICLE_EVENT_TYPES, ...CONTRIBUTION_EVENT_TYPES].map((type) => {
      const texts = textMembers(ONE_OF_EACH[type].data);
      const redactable = redactableFields(type);
      return [type, texts.filter((t) => !redactable.includes(t)).sort()];
    }),
  );

describe('redactable fields', () => {
  it('name only text members the events really have', () => {
    for (const type of [...ARTICLE_EVENT_TYPES, ...CONTRIBUTION_EVENT_TYPES]) {
      const texts = textMembers(ONE_OF_EACH[type].data);
      expect({ type, missing: redactableFields(type).filter((p) => !texts.includes(p)) }).toEqual({
        type,
        missing: [],
      });
    }
  });

  // The text left in clear, by event type: identifiers, URLs, times, structure, and staff (who
  // recorded, scheduled, accepted). A new text member of an event shows up here until it is
  // either made redactable or added to this list on purpose.
  it('leave in clear exactly the structural members and the staff', () => {
    expect(matrix()).toEqual({
      ArticleDrafted: [
        'articleId',
        'body[*].photoId',
        'body[*].type',
        'dateline',
        'language',
        'source',
        'tags[*]',
        'sections[*]',
      ].sort(),
      ArticleRevised: ['changes.body[*].photoId', 'changes.body[*].type', 'changes.dateline', 'changes.tags[*]'].sort(),
      ContributorAdded: ['contributor.contributorId', 'contributor.role'],
      ContributorRemoved: ['contributorId', 'role'],
      PhotoAttached: ['photo.photoId', 'photo.url'],
      PhotoUpdated: ['changes.url', 'photoId'],
      PhotoDetached: ['photoId'],
      SubmittedForReview: [],
      ChangesRequested: [],
      ArticleApproved: [],
      ArticlePublished: ['publishedAt', 'scheduledBy.id', 'scheduledBy.name', 'updateKind'],
      PublicationScheduled: ['publishAt', 'scheduledBy.id', 'scheduledBy.name'],
      ScheduleCancelled: [],
      ArticleUnpublished: ['unpublishedAt'],
      CorrectionIssued: ['correction.issuedAt', 'correction.kind'],
      ReporterAssigned: ['assignee.id', 'assignee.name'],
      ReporterUnassigned: ['assignee.id', 'assignee.name'],
      ContributionMerged: [
        'author.id',
        'author.name',
        'blocks[*].type',
        'contributionId',
        'contributor.contributorId',
        'contributor.role',
        'photos[*].photoId',
        'photos[*].url',
      ],
      ContributionSubmitted: [
        'articleId',
        'blocks[*].type',
        'contributionId',
        'credit.role',
        'photos[*].photoId',
        'photos[*].url',
      ],
      ContributionRevised: [
        'changes.blocks[*].type',
        'changes.credit.role',
        'changes.photos[*].photoId',
        'changes.photos[*].url',
      ],
      ContributionWithdrawn: [],
      ContributionChangesRequested: [],
      ContributionAccepted: ['acceptedBy.id', 'acceptedBy.name', 'articleId', 'credit.role'],
      ContributionRejected: ['rejectedBy.id', 'rejectedBy.name'],
      // The order stays readable (what auditors are shown), the passage never does; the re-issued
      // content leaves in clear what the events it re-issues leave in clear.
      RedactionRequested: ['legalBasis', 'reason', 'redactionId', 'reference'],
      RedactionDeclined: ['passageField[*].eventId', 'passageField[*].path', 'redactionId'],
      ContributionRedacted: [...A_REDACTION].sort(),
      ContentRedacted: [
        'corrections[*].issuedAt',
        'corrections[*].kind',
        ...A_REDACTION,
        'requestedBy.id',
        'requestedBy.name',
        ...['working', 'live'].flatMap((at) =>
          [
            'body[*].photoId',
            'body[*].type',
            'contributors[*].contributorId',
            'contributors[*].role',
            'dateline',
            'language',
            'photos[*].photoId',
            'photos[*].url',
            'sections[*]',
            'source',
            'tags[*]',
          ].map((p) => `${at}.${p}`),
        ),
      ].sort(),
    });
  });

  it('are none for an event type the domain does not know', () => {
    expect(redactableFields('UserRegistered')).toEqual([]);
  });
});
