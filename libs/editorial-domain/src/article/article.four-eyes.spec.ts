import { Forbidden } from '@newsroom/editorial-domain';
import {
  aColleague,
  anAdmin,
  anEditor,
  approveArticle,
  by,
  changesRequested,
  contributorAdded,
  correctionIssued,
  drafted,
  given,
  meta,
  photoDetached,
  photoAttached,
  reporterAssigned,
  requestChanges,
  revised,
  reviseArticle,
  submitted,
} from '@newsroom/testing';

// The article's last author is the actor of the latest event that changed its working copy
// (drafted, revised, a contributor or photo added, updated or removed). Under the four-eyes rule,
// on unless a deployment switches it off, that person may not approve it.

const editor = anEditor();
const fourEyesOff = { fourEyesApproval: false };
const FOUR_EYES = expect.stringContaining('four-eyes rule');

describe('the four-eyes rule', () => {
  describe('when in review after the editor’s own change', () => {
    const history = [drafted(), by(editor, revised({ headline: 'Harbour reopens' })), submitted()];

    it('refuses the editor’s approval, naming the rule and the last author', () => {
      given(...history)
        .when(approveArticle(meta(editor)))
        .thenThrows(Forbidden, {
          role: 'editor',
          command: 'ApproveArticle',
          reason:
            'four-eyes rule: the approver must not be the last author of the article; ' +
            'Eda Editor made the latest change to its content',
        });
    });

    it('lets another editor approve it', () => {
      given(...history)
        .when(approveArticle(meta(anEditor({ id: 'user-editor-2', name: 'Eli Editor' }))))
        .thenEventTypes('ArticleApproved');
    });

    it('refuses an admin who made the change, as it refuses an editor', () => {
      given(drafted(), by(anAdmin(), photoAttached()), submitted())
        .when(approveArticle(meta(anAdmin())))
        .thenThrows(Forbidden, { role: 'admin', reason: FOUR_EYES });
    });

    it('lets the editor approve when the deployment has switched the rule off', () => {
      given(...history)
        .when(approveArticle(meta(editor, undefined, fourEyesOff)))
        .thenEventTypes('ArticleApproved');
    });
  });

  describe('when in review after the editor drafted it alone', () => {
    it('refuses the editor’s approval: drafting is writing', () => {
      given(by(editor, drafted()), by(editor, submitted()))
        .when(approveArticle(meta(editor)))
        .thenThrows(Forbidden, { reason: FOUR_EYES });
    });
  });

  describe('when in review after someone else changed the editor’s draft', () => {
    it('lets the editor approve: the latest words are not theirs', () => {
      given(by(editor, drafted()), by(aColleague(), contributorAdded()), submitted())
        .when(approveArticle(meta(editor)))
        .thenEventTypes('ArticleApproved');
    });

    it('counts removing as writing too', () => {
      given(drafted(), photoAttached(), by(editor, photoDetached()), submitted())
        .when(approveArticle(meta(editor)))
        .thenThrows(Forbidden, { reason: FOUR_EYES });
    });
  });

  describe('when in review after changes the editor only asked for', () => {
    it('lets the editor approve: review, assignment and corrections are not authorship', () => {
      given(
        drafted(),
        by(editor, reporterAssigned(aColleague())),
        submitted(),
        by(editor, changesRequested()),
        revised({ headline: 'Harbour reopens on Monday' }),
        submitted(),
      )
        .when(approveArticle(meta(editor)))
        .thenEventTypes('ArticleApproved');
    });

    it('ignores a correction note, which is no change to the working copy', () => {
      const { state } = given(drafted(), by(editor, correctionIssued()));
      expect(state).toMatchObject({ lastAuthor: { id: 'user-reporter' } });
    });
  });

  describe('the last author, as the state records it', () => {
    it('is whoever made the latest content change', () => {
      given(drafted(), submitted())
        .when(requestChanges('Check the date.', meta(editor)))
        .thenState((state) => expect(state).toMatchObject({ lastAuthor: { id: 'user-reporter' } }));
      given(drafted())
        .when(reviseArticle({ headline: 'Harbour reopens' }, meta(editor)))
        .thenState((state) => expect(state).toMatchObject({ lastAuthor: { id: 'user-editor', name: 'Eda Editor' } }));
    });
  });
});
