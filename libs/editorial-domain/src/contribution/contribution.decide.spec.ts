import {
  CONTRIBUTION_ALLOWED_FROM,
  ContributionAlreadyExists,
  ContributionNotFound,
  Forbidden,
  InvalidTransition,
  ValidationFailed,
  type ContributionContent,
} from '@newsroom/editorial-domain';
import {
  aColleague,
  anAuditor,
  anEditor,
  aPhoto,
  aReporter,
  ARTICLE_ID,
  by,
  CONTRIBUTION_ID,
  contributionAccepted,
  contributionChangesRequested,
  contributionRejected,
  contributionRevised,
  contributionSubmitted,
  contributionWithdrawn,
  givenContribution as given,
  rejectContribution,
  requestContributionChanges,
  reviseContribution,
  submitContribution,
  withdrawContribution,
} from '@newsroom/testing';

describe('when there is no contribution yet', () => {
  it('a reporter submits one to a colleague’s article', () => {
    given().when(submitContribution()).then(contributionSubmitted());
  });

  it('an editor may contribute too', () => {
    given().when(submitContribution({}, anEditor())).thenEventTypes('ContributionSubmitted');
  });

  it('an auditor may not', () => {
    given()
      .when(submitContribution({}, anAuditor()))
      .thenThrows(Forbidden, { role: 'auditor', command: 'SubmitContribution' });
  });

  it.each<[Partial<ContributionContent>, string]>([
    [{ blocks: [] }, 'blocks'],
    [{ blocks: [{ type: 'photo', photoId: 'p' }] as never }, 'blocks[0].type'],
    [{ blocks: [{ type: 'paragraph', text: ' ' }] }, 'blocks[0].text'],
    [{ photos: [aPhoto({ url: 'ftp://x' })] }, 'photos[0].url'],
    [{ credit: { name: '', role: 'contributor' as const } }, 'credit.name'],
    [{ credit: { name: 'Rey', role: 'hero' as never } }, 'credit.role'],
    [{ note: 'x'.repeat(2001) }, 'note'],
  ])('refuses %j, naming %s, storing nothing', (overrides, path) => {
    given()
      .when(submitContribution(overrides))
      .thenThrows(ValidationFailed, { details: expect.arrayContaining([expect.objectContaining({ path })]) });
  });

  it.each([
    ['ReviseContribution', reviseContribution({ note: 'x' })],
    ['WithdrawContribution', withdrawContribution()],
    ['RequestContributionChanges', requestContributionChanges()],
    ['RejectContribution', rejectContribution()],
  ])('%s finds nothing to act on', (_type, command) => {
    given().when(command).thenThrows(ContributionNotFound, { contributionId: CONTRIBUTION_ID });
  });
});

describe('when submitted', () => {
  it('is not submitted twice', () => {
    given(contributionSubmitted()).when(submitContribution()).thenThrows(ContributionAlreadyExists);
  });

  it('its author revises it, recording only what changed', () => {
    given(contributionSubmitted())
      .when(
        reviseContribution({ note: 'Two crews, one captain.', credit: { name: 'Rey Reporter', role: 'contributor' } }),
      )
      .then(contributionRevised({ note: 'Two crews, one captain.' }));
  });

  it('a revision that changes nothing records nothing', () => {
    given(contributionSubmitted())
      .when(reviseContribution({ note: 'Spoke to two crews at the quay.' }))
      .then();
  });

  it('nobody else revises or withdraws it, not even an editor', () => {
    given(contributionSubmitted())
      .when(reviseContribution({ note: 'x' }, aColleague()))
      .thenThrows(Forbidden, { command: 'ReviseContribution' });
    given(contributionSubmitted())
      .when(withdrawContribution(anEditor()))
      .thenThrows(Forbidden, { command: 'WithdrawContribution' });
  });

  it('its author withdraws it', () => {
    given(contributionSubmitted()).when(withdrawContribution()).then(contributionWithdrawn());
  });

  it('the desk sends it back with a note', () => {
    given(contributionSubmitted())
      .when(requestContributionChanges('Name the captain.'))
      .then(contributionChangesRequested('Name the captain.'));
  });

  it('the desk needs a note to send it back, and a reason to reject it', () => {
    given(contributionSubmitted())
      .when(requestContributionChanges(''))
      .thenThrows(ValidationFailed, { details: [{ path: 'note', message: 'must not be empty' }] });
    given(contributionSubmitted())
      .when(rejectContribution(' '))
      .thenThrows(ValidationFailed, { details: [{ path: 'reason', message: 'must not be empty' }] });
  });

  it('the desk rejects it, remembering who and why', () => {
    given(contributionSubmitted()).when(rejectContribution()).then(contributionRejected());
  });

  it('a reporter may not judge contributions, even their own', () => {
    given(contributionSubmitted())
      .when(rejectContribution('no', aReporter()))
      .thenThrows(Forbidden, { role: 'reporter', command: 'RejectContribution' });
    given(contributionSubmitted())
      .when(requestContributionChanges('no', aReporter()))
      .thenThrows(Forbidden, { role: 'reporter' });
  });
});

describe('when sent back (changes requested)', () => {
  const sentBack = [contributionSubmitted(), by(anEditor(), contributionChangesRequested())];

  it('shows the desk’s note', () => {
    expect(given(...sentBack).state).toMatchObject({
      status: 'changes_requested',
      deskNote: 'Name the captain, please.',
    });
  });

  it('a revision sends it to the desk again and clears the note', () => {
    given(...sentBack)
      .when(reviseContribution({ blocks: [{ type: 'quote', text: 'Three weeks.', attribution: 'Capt. Ana Reyes' }] }))
      .thenState((s) => expect(s).toMatchObject({ status: 'submitted', deskNote: null, version: 3 }));
  });

  it('even an unchanged revision sends it back: the author says it is ready', () => {
    given(...sentBack)
      .when(reviseContribution({}))
      .then(contributionRevised({}));
  });

  it('cannot be sent back twice before a revision', () => {
    given(...sentBack)
      .when(requestContributionChanges())
      .thenThrows(InvalidTransition, { currentStatus: 'changes_requested', command: 'RequestContributionChanges' });
  });

  it('may still be withdrawn by its author or rejected by the desk', () => {
    given(...sentBack)
      .when(withdrawContribution())
      .then(contributionWithdrawn());
    given(...sentBack)
      .when(rejectContribution())
      .then(contributionRejected());
  });
});

describe.each([
  ['accepted', contributionAccepted()],
  ['rejected', contributionRejected()],
  ['withdrawn', contributionWithdrawn()],
])('when %s (final)', (status, last) => {
  it.each([
    ['ReviseContribution', reviseContribution({ note: 'x' })],
    ['WithdrawContribution', withdrawContribution()],
    ['RequestContributionChanges', requestContributionChanges()],
    ['RejectContribution', rejectContribution()],
  ])('refuses %s, naming the status', (command, c) => {
    given(contributionSubmitted(), last)
      .when(c)
      .thenThrows(InvalidTransition, { currentStatus: status, command, code: 'INVALID_TRANSITION' });
  });
});

describe('the workflow table', () => {
  it('lets nothing leave a final status', () => {
    for (const allowed of Object.values(CONTRIBUTION_ALLOWED_FROM)) {
      expect(allowed.filter((s) => ['accepted', 'rejected', 'withdrawn'].includes(s))).toEqual([]);
    }
  });

  it('belongs to the article it was submitted to', () => {
    expect(given(contributionSubmitted()).state).toMatchObject({
      articleId: ARTICLE_ID,
      author: { id: aReporter().id },
    });
  });
});
