import {
  ArticleAlreadyExists,
  ArticleNotFound,
  InvalidTransition,
  NothingToPublish,
  type ArticleCommand,
  type ArticleCommandType,
  type ArticleEventType,
  type ArticleStatus,
} from '@newsroom/editorial-domain';
import {
  aColleague,
  aReporter,
  addContributor,
  anEditor,
  assignReporter,
  approveArticle,
  confirmRedaction,
  declineRedaction,
  redactionRequested,
  requestRedaction,
  attachPhoto,
  cancelSchedule,
  contributorAdded,
  detachPhoto,
  draftArticle,
  drafted,
  given,
  historyUntil,
  issueCorrection,
  meta,
  photoAttached,
  publishArticle,
  removeContributor,
  reporterAssigned,
  requestChanges,
  reviseArticle,
  schedulePublication,
  submitForReview,
  unassignReporter,
  mergeContribution,
  unpublishArticle,
  updatePhoto,
} from '@newsroom/testing';

// Every command against every status, as an editor (who may attempt everything), so that only the
// workflow decides. The table is written out by hand: it is the specification, not a derivation.

type Column = 'none' | ArticleStatus;
const COLUMNS = [
  'none',
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'scheduled',
  'published',
  'unpublished',
] as const;
type Expected =
  | ArticleEventType
  | typeof ArticleNotFound
  | typeof ArticleAlreadyExists
  | typeof InvalidTransition
  | typeof NothingToPublish;
type Row = readonly [Expected, Expected, Expected, Expected, Expected, Expected, Expected, Expected];

const NF = ArticleNotFound;
const AE = ArticleAlreadyExists;
const IT = InvalidTransition;

// One row per command, one column per status: a table is readable only if it is not wrapped.
// prettier-ignore
/* eslint-disable max-len */
const EXPECTED: Record<ArticleCommandType, Row> = {
  //                     none              draft                 in_review            changes_requested     approved                scheduled               published             unpublished
  DraftArticle:        ['ArticleDrafted',  AE,                   AE,                  AE,                   AE,                     AE,                     AE,                   AE],
  ReviseArticle:       [NF,                'ArticleRevised',     'ArticleRevised',    'ArticleRevised',     'ArticleRevised',       'ArticleRevised',       'ArticleRevised',     'ArticleRevised'],
  AddContributor:      [NF,                'ContributorAdded',   'ContributorAdded',  'ContributorAdded',   'ContributorAdded',     'ContributorAdded',     'ContributorAdded',   'ContributorAdded'],
  RemoveContributor:   [NF,                'ContributorRemoved', 'ContributorRemoved','ContributorRemoved', 'ContributorRemoved',   'ContributorRemoved',   'ContributorRemoved', 'ContributorRemoved'],
  AttachPhoto:         [NF,                'PhotoAttached',      'PhotoAttached',     'PhotoAttached',      'PhotoAttached',        'PhotoAttached',        'PhotoAttached',      'PhotoAttached'],
  UpdatePhoto:         [NF,                'PhotoUpdated',       'PhotoUpdated',      'PhotoUpdated',       'PhotoUpdated',         'PhotoUpdated',         'PhotoUpdated',       'PhotoUpdated'],
  DetachPhoto:         [NF,                'PhotoDetached',      'PhotoDetached',     'PhotoDetached',      'PhotoDetached',        'PhotoDetached',        'PhotoDetached',      'PhotoDetached'],
  SubmitForReview:     [NF,                'SubmittedForReview', IT,                  'SubmittedForReview', IT,                     IT,                     IT,                   IT],
  RequestChanges:      [NF,                IT,                   'ChangesRequested',  IT,                   IT,                     IT,                     IT,                   IT],
  ApproveArticle:      [NF,                IT,                   'ArticleApproved',   IT,                   IT,                     IT,                     IT,                   IT],
  SchedulePublication: [NF,                IT,                   IT,                  IT,                   'PublicationScheduled', IT,                     IT,                   IT],
  CancelSchedule:      [NF,                IT,                   IT,                  IT,                   IT,                     'ScheduleCancelled',    IT,                   IT],
  // Published with an unchanged working copy: there is no update to publish.
  PublishArticle:      [NF,                IT,                   IT,                  IT,                   'ArticlePublished',     'ArticlePublished',     NothingToPublish,     'ArticlePublished'],
  UnpublishArticle:    [NF,                IT,                   IT,                  IT,                   IT,                     IT,                     'ArticleUnpublished', IT],
  IssueCorrection:     [NF,                IT,                   IT,                  IT,                   IT,                     IT,                     'CorrectionIssued',   IT],
  // Assigning lets a reporter in, so only while a reporter's work can still be asked for.
  AssignReporter:      [NF,                'ReporterAssigned',   'ReporterAssigned',  'ReporterAssigned',   IT,                     IT,                     IT,                   IT],
  UnassignReporter:    [NF,                'ReporterUnassigned', 'ReporterUnassigned','ReporterUnassigned', 'ReporterUnassigned',   'ReporterUnassigned',   'ReporterUnassigned', 'ReporterUnassigned'],
  // An edit: open in every status; on a published article it waits for the next publication.
  MergeContribution:   [NF,                'ContributionMerged', 'ContributionMerged','ContributionMerged', 'ContributionMerged',   'ContributionMerged',   'ContributionMerged', 'ContributionMerged'],
  // A court order does not wait for the workflow (sent by admins: editors may not redact).
  RequestRedaction:    [NF,                'ContentRedacted',    'ContentRedacted',   'ContentRedacted',    'ContentRedacted',      'ContentRedacted',      'ContentRedacted',    'ContentRedacted'],
  ConfirmRedaction:    [NF,                'ContentRedacted',    'ContentRedacted',   'ContentRedacted',    'ContentRedacted',      'ContentRedacted',      'ContentRedacted',    'ContentRedacted'],
  DeclineRedaction:    [NF,                'RedactionDeclined',  'RedactionDeclined', 'RedactionDeclined',  'RedactionDeclined',    'RedactionDeclined',    'RedactionDeclined',  'RedactionDeclined'],
};
/* eslint-enable max-len */

const asEditor = meta(anEditor());
const COMMANDS: Record<ArticleCommandType, () => ArticleCommand> = {
  DraftArticle: () => draftArticle({}, asEditor),
  ReviseArticle: () => reviseArticle({ headline: 'Harbour reopens at last' }),
  AddContributor: () => addContributor(),
  RemoveContributor: () => removeContributor('contributor-1'),
  AttachPhoto: () => attachPhoto(),
  UpdatePhoto: () => updatePhoto('photo-1', { caption: 'Ferries return to the harbour' }),
  DetachPhoto: () => detachPhoto('photo-1'),
  SubmitForReview: () => submitForReview(asEditor),
  RequestChanges: () => requestChanges(),
  ApproveArticle: () => approveArticle(),
  SchedulePublication: () => schedulePublication(),
  CancelSchedule: () => cancelSchedule(),
  PublishArticle: () => publishArticle(),
  UnpublishArticle: () => unpublishArticle(),
  IssueCorrection: () => issueCorrection(),
  AssignReporter: () => assignReporter(aReporter()),
  UnassignReporter: () => unassignReporter(aColleague()),
  MergeContribution: () => mergeContribution(),
  RequestRedaction: () => requestRedaction(),
  ConfirmRedaction: () => confirmRedaction(),
  DeclineRedaction: () => declineRedaction(),
};

// A contributor, a photo, an assignee and a requested redaction exist in every status, so removing,
// detaching, unassigning and deciding have a target.
const historyFor = (column: Column) =>
  column === 'none'
    ? []
    : historyUntil(column, [
        drafted(),
        contributorAdded(),
        photoAttached(),
        reporterAssigned(aColleague()),
        redactionRequested(),
      ]);

const cases = (Object.keys(EXPECTED) as ArticleCommandType[]).flatMap((command) =>
  COLUMNS.map((status, i) => ({ command, status, expected: EXPECTED[command][i]! })),
);

describe('every command against every status, as an editor', () => {
  it('covers 21 commands in 8 statuses', () => {
    expect(cases).toHaveLength(168);
  });

  describe.each(COLUMNS)('when the article is %s', (status) => {
    const row = cases.filter((c) => c.status === status);
    it.each(row.map((c) => [c.command, describeOutcome(c.expected), c.expected] as const))(
      '%s %s',
      (command, _label, expected) => {
        const when = given(...historyFor(status)).when(COMMANDS[command]());
        if (typeof expected === 'string') {
          when.thenEventTypes(expected);
        } else if (expected === InvalidTransition) {
          when.thenThrows(InvalidTransition, { currentStatus: status, command });
        } else {
          when.thenThrows(expected);
        }
      },
    );
  });
});

describe('an invalid transition', () => {
  it('names the command, the current status and the statuses it is allowed from', () => {
    given(...historyUntil('in_review'))
      .when(publishArticle())
      .thenThrows(InvalidTransition, {
        code: 'INVALID_TRANSITION',
        currentStatus: 'in_review',
        command: 'PublishArticle',
        allowedFrom: ['approved', 'scheduled', 'published', 'unpublished'],
        message:
          'Cannot PublishArticle while the article is in_review; ' +
          'allowed from: approved, scheduled, published, unpublished',
      });
  });

  it('carries the same facts as plain data for the HTTP edge', () => {
    const error = given(...historyUntil('draft'))
      .when(approveArticle())
      .thenThrows(InvalidTransition);
    expect(error.data).toEqual({ currentStatus: 'draft', command: 'ApproveArticle', allowedFrom: ['in_review'] });
  });
});

function describeOutcome(expected: Expected): string {
  return typeof expected === 'string' ? `emits ${expected}` : `is refused with ${expected.name}`;
}
