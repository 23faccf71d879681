import {
  Forbidden,
  REPORTER_OWN_ARTICLE_COMMANDS,
  type ArticleCommand,
  type CommandMetadata,
} from '@newsroom/editorial-domain';
import {
  ONE_COMMAND_OF_EACH_TYPE,
  aColleague,
  aReporter,
  anEditor,
  by,
  contributorAdded,
  draftArticle,
  drafted,
  given,
  historyUntil,
  meta,
  photoAttached,
  reporterAssigned,
  reporterUnassigned,
  reviseArticle,
} from '@newsroom/testing';

// Rey (the builders' reporter) is the one acting; Col, a colleague, drafted the article unless a
// test says otherwise.

const COMMANDS = Object.fromEntries(
  REPORTER_OWN_ARTICLE_COMMANDS.map((type) => [type, ONE_COMMAND_OF_EACH_TYPE[type]]),
) as Record<(typeof REPORTER_OWN_ARTICLE_COMMANDS)[number], (m: CommandMetadata) => ArticleCommand>;
const EMITS: Record<keyof typeof COMMANDS, string> = {
  ReviseArticle: 'ArticleRevised',
  AddContributor: 'ContributorAdded',
  RemoveContributor: 'ContributorRemoved',
  AttachPhoto: 'PhotoAttached',
  UpdatePhoto: 'PhotoUpdated',
  DetachPhoto: 'PhotoDetached',
  SubmitForReview: 'SubmittedForReview',
};
const commands = Object.keys(COMMANDS) as (keyof typeof COMMANDS)[];
const colleaguesDraft = [by(aColleague(), drafted()), contributorAdded(), photoAttached()];

describe('a reporter and an article they did not draft', () => {
  describe('when it is a colleague’s draft and the reporter is not assigned', () => {
    it.each(commands)('%s is forbidden, naming who drafted it', (command) => {
      given(...colleaguesDraft)
        .when(COMMANDS[command](meta(aReporter())))
        .thenThrows(Forbidden, {
          role: 'reporter',
          command,
          reason:
            'reporters may only change articles they drafted or are assigned to; this one was drafted by Col Colleague',
        });
    });

    it('the colleague who drafted it may still edit it', () => {
      given(...colleaguesDraft)
        .when(reviseArticle({ headline: 'Harbour reopens at last' }, meta(aColleague())))
        .thenEventTypes('ArticleRevised');
    });

    it('an editor may edit it', () => {
      given(...colleaguesDraft)
        .when(reviseArticle({ headline: 'Harbour reopens at last' }, meta(anEditor())))
        .thenEventTypes('ArticleRevised');
    });
  });

  describe('when the reporter is assigned to it', () => {
    const assigned = [...colleaguesDraft, reporterAssigned(aReporter())];

    it.each(commands)('%s is allowed', (command) => {
      given(...assigned)
        .when(COMMANDS[command](meta(aReporter())))
        .thenEventTypes(EMITS[command]);
    });

    it('their edits still stop once the article is with the desk', () => {
      given(...historyUntil('in_review', assigned))
        .when(reviseArticle({ headline: 'Late change' }, meta(aReporter())))
        .thenThrows(Forbidden, { reason: expect.stringContaining('in_review') });
    });
  });

  describe('when the reporter was assigned and then unassigned', () => {
    it('editing is forbidden again', () => {
      given(...colleaguesDraft, reporterAssigned(aReporter()), reporterUnassigned(aReporter()))
        .when(reviseArticle({ headline: 'Harbour reopens at last' }, meta(aReporter())))
        .thenThrows(Forbidden, { reason: expect.stringContaining('drafted or are assigned to') });
    });
  });

  describe('when there is no article yet', () => {
    it('any reporter may draft one, and so becomes its drafter', () => {
      given()
        .when(draftArticle({}, meta(aColleague())))
        .thenState((state) =>
          expect(state.status !== 'none' && state.createdBy).toEqual({ id: 'user-colleague', name: 'Col Colleague' }),
        );
    });
  });
});

describe('the drafter of a stream recorded before assignments existed', () => {
  it('is the actor of its ArticleDrafted, and nobody is assigned', () => {
    const { state } = given(by(aColleague(), drafted()), by(anEditor(), contributorAdded()));
    expect(state).toMatchObject({ createdBy: { id: 'user-colleague' }, assignees: [] });
  });
});
