import { InvalidTransition, ValidationFailed } from '@newsroom/editorial-domain';
import {
  NOW,
  correctionIssued,
  given,
  historyUntil,
  issueCorrection,
  publishArticle,
  unpublishArticle,
  unpublished,
} from '@newsroom/testing';

describe('unpublishing', () => {
  describe('when published', () => {
    const history = historyUntil('published');

    it('takes the article down with the reason and time', () => {
      given(...history)
        .when(unpublishArticle('Court order'))
        .then(unpublished('Court order', NOW));
    });

    it('marks the article unpublished but remembers what readers last saw', () => {
      given(...history)
        .when(unpublishArticle())
        .thenState((state) => {
          if (state.status === 'none') throw new Error('article vanished');
          expect(state.status).toBe('unpublished');
          expect(state.live?.version).toBe(3);
        });
    });

    it('refuses without a reason', () => {
      given(...history)
        .when(unpublishArticle(''))
        .thenThrows(ValidationFailed, { details: [{ path: 'reason', message: 'must not be empty' }] });
    });

    it('refuses a reason longer than 2000 characters', () => {
      given(...history)
        .when(unpublishArticle('r'.repeat(2001)))
        .thenThrows(ValidationFailed, { details: [{ path: 'reason', message: 'must be at most 2000 characters' }] });
    });
  });

  describe('when unpublished', () => {
    it('cannot be unpublished twice', () => {
      given(...historyUntil('unpublished'))
        .when(unpublishArticle())
        .thenThrows(InvalidTransition, { currentStatus: 'unpublished', allowedFrom: ['published'] });
    });

    it('can be published again', () => {
      given(...historyUntil('unpublished'))
        .when(publishArticle())
        .thenState((state) => expect(state.status).toBe('published'));
    });
  });
});

describe('issuing a correction', () => {
  describe('when published', () => {
    const history = historyUntil('published');

    it('records the correction with the time it was issued', () => {
      given(...history)
        .when(issueCorrection({ text: 'The ferry leaves at 9, not 10.', kind: 'correction' }))
        .then(correctionIssued({ text: 'The ferry leaves at 9, not 10.', kind: 'correction', issuedAt: NOW }));
    });

    it('records a clarification', () => {
      given(...history)
        .when(issueCorrection({ kind: 'clarification' }))
        .then(correctionIssued({ kind: 'clarification' }));
    });

    it('attaches the correction to the article, after earlier ones, and stays published', () => {
      given(...history, correctionIssued({ text: 'First.' }))
        .when(issueCorrection({ text: 'Second.' }))
        .thenState((state) => {
          if (state.status === 'none') throw new Error('article vanished');
          expect(state.status).toBe('published');
          expect(state.corrections.map((c) => c.text)).toEqual(['First.', 'Second.']);
        });
    });

    it('leaves the live copy as it was', () => {
      const before = given(...history).state;
      given(...history)
        .when(issueCorrection())
        .thenState((state) =>
          expect(state.status !== 'none' && state.live).toEqual(before.status !== 'none' && before.live),
        );
    });

    it('refuses an empty text and an unknown kind', () => {
      given(...history)
        .when(issueCorrection({ text: ' ', kind: 'retraction' as never }))
        .thenThrows(ValidationFailed, {
          details: [
            { path: 'text', message: 'must not be empty' },
            { path: 'kind', message: 'must be one of: correction, clarification' },
          ],
        });
    });

    it('accepts 5000 characters and refuses 5001', () => {
      given(...history)
        .when(issueCorrection({ text: 't'.repeat(5000) }))
        .thenEventTypes('CorrectionIssued');
      given(...history)
        .when(issueCorrection({ text: 't'.repeat(5001) }))
        .thenThrows(ValidationFailed, { details: [{ path: 'text', message: 'must be at most 5000 characters' }] });
    });
  });

  describe('when unpublished', () => {
    it('is refused: a correction belongs to something readers can see', () => {
      given(...historyUntil('unpublished'))
        .when(issueCorrection())
        .thenThrows(InvalidTransition, { currentStatus: 'unpublished', command: 'IssueCorrection' });
    });
  });
});
