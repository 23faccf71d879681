import {
  ArticleNotFound,
  Forbidden,
  InvalidTransition,
  ROLE_PERMISSIONS,
  type Actor,
  type ArticleCommandType,
  type ArticleEventType,
  type ArticleStatus,
} from '@newsroom/editorial-domain';
import {
  ONE_COMMAND_OF_EACH_TYPE,
  TOMORROW,
  aReporter,
  aColleague,
  anAdmin,
  anAuditor,
  anEditor,
  approveArticle,
  contributorAdded,
  draftArticle,
  drafted,
  given,
  historyUntil,
  meta,
  photoAttached,
  publishArticle,
  redactionRequested,
  reporterAssigned,
  reviseArticle,
  submitForReview,
  theScheduler,
} from '@newsroom/testing';

type ActingRole = Actor['role'];
const ROLES = ['auditor', 'reporter', 'editor', 'admin', 'system'] as const;
const ACTORS: Record<ActingRole, () => Actor> = {
  auditor: anAuditor,
  reporter: aReporter,
  editor: anEditor,
  admin: anAdmin,
  system: theScheduler,
};

// Each command is tried in a status where the workflow allows it (its "home"), at a time the
// scheduler would accept, so the only thing that can refuse it is the role.
const HOME: Record<ArticleCommandType, 'none' | ArticleStatus> = {
  DraftArticle: 'none',
  ReviseArticle: 'draft',
  AddContributor: 'draft',
  RemoveContributor: 'draft',
  AttachPhoto: 'draft',
  UpdatePhoto: 'draft',
  DetachPhoto: 'draft',
  SubmitForReview: 'draft',
  RequestChanges: 'in_review',
  ApproveArticle: 'in_review',
  SchedulePublication: 'approved',
  CancelSchedule: 'scheduled',
  PublishArticle: 'approved',
  UnpublishArticle: 'published',
  IssueCorrection: 'published',
  AssignReporter: 'draft',
  UnassignReporter: 'draft',
  MergeContribution: 'draft',
  RequestRedaction: 'draft',
  ConfirmRedaction: 'draft',
  DeclineRedaction: 'draft',
};

// The colleague is assigned in every history below, so the drafter is the one to assign.
const COMMANDS = ONE_COMMAND_OF_EACH_TYPE;

/** What each command emits when it is allowed. */
const EMITS: Record<ArticleCommandType, ArticleEventType> = {
  DraftArticle: 'ArticleDrafted',
  ReviseArticle: 'ArticleRevised',
  AddContributor: 'ContributorAdded',
  RemoveContributor: 'ContributorRemoved',
  AttachPhoto: 'PhotoAttached',
  UpdatePhoto: 'PhotoUpdated',
  DetachPhoto: 'PhotoDetached',
  SubmitForReview: 'SubmittedForReview',
  RequestChanges: 'ChangesRequested',
  ApproveArticle: 'ArticleApproved',
  SchedulePublication: 'PublicationScheduled',
  CancelSchedule: 'ScheduleCancelled',
  PublishArticle: 'ArticlePublished',
  UnpublishArticle: 'ArticleUnpublished',
  IssueCorrection: 'CorrectionIssued',
  AssignReporter: 'ReporterAssigned',
  UnassignReporter: 'ReporterUnassigned',
  MergeContribution: 'ContributionMerged',
  // Without the four-eyes setting, an admin's order takes effect at once.
  RequestRedaction: 'ContentRedacted',
  ConfirmRedaction: 'ContentRedacted',
  DeclineRedaction: 'RedactionDeclined',
};

const F = 'forbidden';
const ok = 'allowed';
// prettier-ignore
const EXPECTED: Record<ArticleCommandType, Record<ActingRole, typeof F | typeof ok>> = {
  DraftArticle:        { auditor: F, reporter: ok, editor: ok, admin: ok, system: F },
  ReviseArticle:       { auditor: F, reporter: ok, editor: ok, admin: ok, system: F },
  AddContributor:      { auditor: F, reporter: ok, editor: ok, admin: ok, system: F },
  RemoveContributor:   { auditor: F, reporter: ok, editor: ok, admin: ok, system: F },
  AttachPhoto:         { auditor: F, reporter: ok, editor: ok, admin: ok, system: F },
  UpdatePhoto:         { auditor: F, reporter: ok, editor: ok, admin: ok, system: F },
  DetachPhoto:         { auditor: F, reporter: ok, editor: ok, admin: ok, system: F },
  SubmitForReview:     { auditor: F, reporter: ok, editor: ok, admin: ok, system: F },
  RequestChanges:      { auditor: F, reporter: F,  editor: ok, admin: ok, system: F },
  ApproveArticle:      { auditor: F, reporter: F,  editor: ok, admin: ok, system: F },
  SchedulePublication: { auditor: F, reporter: F,  editor: ok, admin: ok, system: F },
  CancelSchedule:      { auditor: F, reporter: F,  editor: ok, admin: ok, system: F },
  // The scheduler's one permission needs a due schedule; an approved article has none.
  PublishArticle:      { auditor: F, reporter: F,  editor: ok, admin: ok, system: F },
  UnpublishArticle:    { auditor: F, reporter: F,  editor: ok, admin: ok, system: F },
  IssueCorrection:     { auditor: F, reporter: F,  editor: ok, admin: ok, system: F },
  AssignReporter:      { auditor: F, reporter: F,  editor: ok, admin: ok, system: F },
  UnassignReporter:    { auditor: F, reporter: F,  editor: ok, admin: ok, system: F },
  // Reporters contribute through contributions; only the desk accepts, and the merge is its act.
  MergeContribution:   { auditor: F, reporter: F,  editor: ok, admin: ok, system: F },
  // A legal redaction destroys text for good: the admins' alone.
  RequestRedaction:    { auditor: F, reporter: F,  editor: F,  admin: ok, system: F },
  ConfirmRedaction:    { auditor: F, reporter: F,  editor: F,  admin: ok, system: F },
  DeclineRedaction:    { auditor: F, reporter: F,  editor: F,  admin: ok, system: F },
};

// Drafted by the reporter (the given actor), who therefore may edit it; the colleague is assigned;
// a redaction the reporter's name asked for waits, so that any admin may decide it.
const withTargets = [
  drafted(),
  contributorAdded(),
  photoAttached(),
  reporterAssigned(aColleague()),
  redactionRequested(),
];
const historyAt = (status: 'none' | ArticleStatus) => (status === 'none' ? [] : historyUntil(status, withTargets));

describe('who may do what, each command in a status that allows it', () => {
  const cases = (Object.keys(EXPECTED) as ArticleCommandType[]).flatMap((command) =>
    ROLES.map((role) => [command, role, EXPECTED[command][role]] as const),
  );

  it.each(cases)('%s by the %s role is %s', (command, role, expected) => {
    const when = given(...historyAt(HOME[command])).when(COMMANDS[command](meta(ACTORS[role](), TOMORROW)));
    if (expected === ok) when.thenEventTypes(EMITS[command]);
    else when.thenThrows(Forbidden, { code: 'FORBIDDEN', role, command });
  });
});

describe('a reporter editing their own article', () => {
  const EDITS = [
    'ReviseArticle',
    'AddContributor',
    'RemoveContributor',
    'AttachPhoto',
    'UpdatePhoto',
    'DetachPhoto',
  ] as const;
  // prettier-ignore
  const MAY_EDIT: Record<ArticleStatus, boolean> = {
    draft: true, changes_requested: true,
    in_review: false, approved: false, scheduled: false, published: false, unpublished: false,
  };
  const cases = EDITS.flatMap((command) =>
    (Object.keys(MAY_EDIT) as ArticleStatus[]).map(
      (status) => [command, status, MAY_EDIT[status] ? 'allowed' : 'forbidden'] as const,
    ),
  );

  it.each(cases)('%s while the article is %s is %s', (command, status, outcome) => {
    const when = given(...historyUntil(status, withTargets)).when(COMMANDS[command](meta(aReporter())));
    if (outcome === 'allowed') when.thenEventTypes(EMITS[command]);
    else when.thenThrows(Forbidden, { role: 'reporter', command, reason: expect.stringContaining(status) });
  });
});

describe('role checks come before workflow checks', () => {
  it.each(['none', 'draft', 'in_review', 'approved', 'published'] as const)(
    'a reporter publishing an article that is %s is forbidden, not told about the workflow',
    (status) => {
      given(...historyAt(status))
        .when(publishArticle({}, meta(aReporter())))
        .thenThrows(Forbidden, {
          reason: expect.stringContaining('reviewing, assigning and publishing are for editors'),
        });
    },
  );

  it('an auditor is forbidden even from drafting', () => {
    given()
      .when(draftArticle({}, meta(anAuditor())))
      .thenThrows(Forbidden, { reason: 'auditors have read-only access' });
  });

  it('a reporter editing an article that does not exist hears that it does not exist', () => {
    given()
      .when(reviseArticle({ headline: 'x' }, meta(aReporter())))
      .thenThrows(ArticleNotFound);
  });

  it('a reporter submitting from the wrong status hears about the workflow', () => {
    given(...historyUntil('approved'))
      .when(submitForReview(meta(aReporter())))
      .thenThrows(InvalidTransition, { currentStatus: 'approved' });
  });
});

describe('the acting role', () => {
  it('must be one the actor holds', () => {
    given(...historyUntil('approved'))
      .when(publishArticle({}, meta(aReporter({ role: 'editor', roles: ['reporter'] }))))
      .thenThrows(Forbidden, { role: 'editor', reason: 'the actor does not hold the editor role' });
  });

  it('may be any of several the actor holds', () => {
    given(...historyUntil('approved'))
      .when(publishArticle({}, meta(aReporter({ role: 'editor', roles: ['reporter', 'editor'] }))))
      .thenEventTypes('ArticlePublished');
  });

  it('is refused when it is not a role the newsroom knows', () => {
    given()
      .when(draftArticle({}, meta(anEditor({ role: 'intern' as never, roles: ['intern' as never] }))))
      .thenThrows(Forbidden);
  });

  it('is named in the error message', () => {
    const error = given(...historyUntil('in_review'))
      .when(approveArticle(meta(aReporter())))
      .thenThrows(Forbidden);
    expect(error.message).toBe(
      'A reporter may not ApproveArticle: reporters may draft, edit and submit articles; ' +
        'reviewing, assigning and publishing are for editors',
    );
  });

  it('has every command in the admin’s permissions, all but redactions in the editor’s, none in the auditor’s', () => {
    const redactions = ['RequestRedaction', 'ConfirmRedaction', 'DeclineRedaction'];
    expect([...ROLE_PERMISSIONS.editor].sort()).toEqual(
      Object.keys(EXPECTED)
        .filter((c) => !redactions.includes(c))
        .sort(),
    );
    expect([...ROLE_PERMISSIONS.admin].sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(ROLE_PERMISSIONS.auditor).toEqual([]);
  });
});
