import { ArticleNotFound, InvalidTransition, NothingToPublish } from '@newsroom/editorial-domain';
import {
  anEditor,
  approveArticle,
  by,
  drafted,
  given,
  historyUntil,
  meta,
  publishArticle,
  reviseArticle,
  submitted,
} from './index';

// The helpers are only worth having if they fail when the decider misbehaves.

describe('given/when/then', () => {
  it('folds the given events into the state the command meets', () => {
    expect(given(drafted(), submitted()).state).toMatchObject({ status: 'in_review', version: 2 });
    expect(given().state).toEqual({ status: 'none' });
  });

  it('stamps given events a minute apart so evolve sees stored times', () => {
    expect(given(drafted(), submitted()).state).toMatchObject({
      createdAt: '2030-01-01T08:00:00.000Z',
      updatedAt: '2030-01-01T08:01:00.000Z',
    });
  });

  it('records given events as the reporter unless `by` names another actor', () => {
    expect(given(drafted()).state).toMatchObject({ createdBy: { id: 'user-reporter' } });
    expect(given(by(anEditor(), drafted())).state).toMatchObject({ createdBy: { id: 'user-editor' } });
  });

  it('records what the command emits as the command’s actor', () => {
    given(drafted())
      .when(reviseArticle({ headline: 'New' }, meta(anEditor())))
      .thenState((state) => expect(state).toMatchObject({ lastAuthor: { id: 'user-editor' } }));
    expect(() =>
      given(drafted())
        .when(reviseArticle({ headline: 'New' }, meta(anEditor())))
        .thenState((state) => expect(state).toMatchObject({ lastAuthor: { id: 'user-reporter' } })),
    ).toThrow();
  });

  describe('then', () => {
    it('passes when exactly the expected events are emitted', () => {
      expect(() =>
        given(drafted(), submitted()).when(approveArticle()).then({ type: 'ArticleApproved', data: {} }),
      ).not.toThrow();
    });

    it('fails when the events differ', () => {
      expect(() => given(drafted(), submitted()).when(approveArticle()).then(submitted())).toThrow();
    });

    it('fails when events are expected but none are emitted, and the other way round', () => {
      expect(() => given(drafted()).when(reviseArticle({})).then(submitted())).toThrow();
      expect(() =>
        given(drafted())
          .when(reviseArticle({ headline: 'New' }))
          .then(),
      ).toThrow();
    });

    it('fails when the command is refused', () => {
      expect(() => given().when(approveArticle()).then()).toThrow(ArticleNotFound);
    });
  });

  describe('thenEventTypes', () => {
    it('fails when the types differ', () => {
      expect(() => given(drafted(), submitted()).when(approveArticle()).thenEventTypes('ArticlePublished')).toThrow();
    });
  });

  describe('thenThrows', () => {
    it('returns the error when the expected class is thrown with the expected fields', () => {
      const error = given().when(approveArticle()).thenThrows(ArticleNotFound, { code: 'ARTICLE_NOT_FOUND' });
      expect(error).toBeInstanceOf(ArticleNotFound);
    });

    it('fails when the command is accepted', () => {
      expect(() => given(drafted(), submitted()).when(approveArticle()).thenThrows(InvalidTransition)).toThrow(
        'Expected InvalidTransition to be thrown, but the command was accepted',
      );
    });

    it('fails when another error class is thrown', () => {
      expect(() => given().when(approveArticle()).thenThrows(InvalidTransition)).toThrow(
        /Expected InvalidTransition to be thrown, but got ArticleNotFound/,
      );
    });

    it('fails on a subclass, so a test names the exact refusal', () => {
      expect(() =>
        given(...historyUntil('published'))
          .when(publishArticle())
          .thenThrows(InvalidTransition),
      ).toThrow(/but got NothingToPublish/);
      expect(() =>
        given(...historyUntil('published'))
          .when(publishArticle())
          .thenThrows(NothingToPublish),
      ).not.toThrow();
    });

    it('fails when a field differs', () => {
      expect(() => given().when(approveArticle()).thenThrows(ArticleNotFound, { articleId: 'another' })).toThrow();
    });
  });

  describe('thenState', () => {
    it('hands over the state after the emitted events', () => {
      let seen: unknown;
      given(drafted(), submitted())
        .when(approveArticle())
        .thenState((state) => (seen = state.status));
      expect(seen).toBe('approved');
    });
  });
});
