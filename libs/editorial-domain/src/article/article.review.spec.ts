import { InvalidTransition, ValidationFailed } from '@newsroom/editorial-domain';
import {
  approveArticle,
  approved,
  changesRequested,
  drafted,
  given,
  historyUntil,
  requestChanges,
  submitForReview,
  submitted,
} from '@newsroom/testing';

describe('the review workflow', () => {
  describe('when in draft', () => {
    it('submits the article for review', () => {
      given(drafted()).when(submitForReview()).then(submitted());
    });

    it('moves the article into review', () => {
      given(drafted())
        .when(submitForReview())
        .thenState((state) => expect(state.status).toBe('in_review'));
    });

    it('cannot be approved before it is submitted', () => {
      given(drafted())
        .when(approveArticle())
        .thenThrows(InvalidTransition, { allowedFrom: ['in_review'] });
    });
  });

  describe('when in review', () => {
    const history = historyUntil('in_review');

    it('sends the article back with the editor’s note', () => {
      given(...history)
        .when(requestChanges('Check the ferry times.'))
        .then(changesRequested('Check the ferry times.'));
    });

    it('keeps the note on the article while changes are requested', () => {
      given(...history)
        .when(requestChanges('Check the ferry times.'))
        .thenState((state) => {
          expect(state.status).toBe('changes_requested');
          expect(state.status !== 'none' && state.changesRequestedNote).toBe('Check the ferry times.');
        });
    });

    it('approves the article', () => {
      given(...history)
        .when(approveArticle())
        .then(approved());
    });

    it('refuses a change request without a note', () => {
      given(...history)
        .when(requestChanges('  '))
        .thenThrows(ValidationFailed, { details: [{ path: 'note', message: 'must not be empty' }] });
    });

    it('refuses a note longer than 2000 characters', () => {
      given(...history)
        .when(requestChanges('n'.repeat(2001)))
        .thenThrows(ValidationFailed, { details: [{ path: 'note', message: 'must be at most 2000 characters' }] });
    });

    it('accepts a note of exactly 2000 characters', () => {
      given(...history)
        .when(requestChanges('n'.repeat(2000)))
        .then(changesRequested('n'.repeat(2000)));
    });

    it('cannot be submitted a second time', () => {
      given(...history)
        .when(submitForReview())
        .thenThrows(InvalidTransition, { currentStatus: 'in_review', allowedFrom: ['draft', 'changes_requested'] });
    });
  });

  describe('when changes are requested', () => {
    const history = historyUntil('changes_requested');

    it('resubmits the article for review', () => {
      given(...history)
        .when(submitForReview())
        .then(submitted());
    });

    it('clears the note once the article is resubmitted', () => {
      given(...history)
        .when(submitForReview())
        .thenState((state) => expect(state.status !== 'none' && state.changesRequestedNote).toBeNull());
    });

    it('cannot be approved without being resubmitted', () => {
      given(...history)
        .when(approveArticle())
        .thenThrows(InvalidTransition, { currentStatus: 'changes_requested' });
    });
  });

  describe('when approved', () => {
    it('cannot be sent back for changes', () => {
      given(...historyUntil('approved'))
        .when(requestChanges())
        .thenThrows(InvalidTransition, { currentStatus: 'approved', command: 'RequestChanges' });
    });
  });

  it('checks the transition before the input, so a wrong-status request hears about the status', () => {
    given(drafted()).when(requestChanges('')).thenThrows(InvalidTransition, { currentStatus: 'draft' });
  });
});
