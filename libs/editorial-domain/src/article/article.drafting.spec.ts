import { ArticleAlreadyExists, ValidationFailed } from '@newsroom/editorial-domain';
import {
  ARTICLE_ID,
  aReporter,
  draftArticle,
  drafted,
  given,
  historyUntil,
  meta,
  photoAttached,
  publishArticle,
  revised,
  reviseArticle,
  someDraftFields,
} from '@newsroom/testing';

describe('drafting an article', () => {
  it('records every draft field under the command article id', () => {
    given()
      .when(draftArticle())
      .then({ type: 'ArticleDrafted', data: { articleId: ARTICLE_ID, ...someDraftFields() } });
  });

  it('fills in defaults for every field the reporter left out', () => {
    given()
      .when({
        type: 'DraftArticle',
        articleId: ARTICLE_ID,
        data: { headline: 'Storm warning' },
        metadata: meta(aReporter()),
      })
      .then({
        type: 'ArticleDrafted',
        data: {
          articleId: ARTICLE_ID,
          headline: 'Storm warning',
          standfirst: '',
          dateline: '',
          body: [],
          sections: [],
          tags: [],
          language: 'en',
          source: '',
          embargoUntil: null,
        },
      });
  });

  it('keeps the headline exactly as written, surrounding spaces included', () => {
    given()
      .when(draftArticle({ headline: '  Storm warning ' }))
      .then(drafted({ headline: '  Storm warning ' }));
  });

  it('leaves out fields the command does not know', () => {
    const command = draftArticle();
    (command.data as Record<string, unknown>).status = 'published';
    given().when(command).then(drafted());
  });

  it('is refused when the article already exists', () => {
    given(drafted()).when(draftArticle()).thenThrows(ArticleAlreadyExists, { articleId: ARTICLE_ID });
  });

  it('is refused with the path of every invalid field', () => {
    given()
      .when(draftArticle({ headline: '   ', language: 'english', tags: ['ok', ''] }))
      .thenThrows(ValidationFailed, {
        code: 'VALIDATION_FAILED',
        details: [
          { path: 'headline', message: 'must not be empty' },
          { path: 'tags[1]', message: 'must not be empty' },
          { path: 'language', message: expect.stringContaining('BCP-47') },
        ],
      });
  });

  it('is refused when a body block has no text', () => {
    given()
      .when(
        draftArticle({
          body: [
            { type: 'paragraph', text: 'One' },
            { type: 'quote', text: ' ' },
          ],
        }),
      )
      .thenThrows(ValidationFailed, { details: [{ path: 'body[1].text', message: 'must not be empty' }] });
  });

  it('is refused when a body photo block references a photo that is not attached', () => {
    given()
      .when(draftArticle({ body: [{ type: 'photo', photoId: 'photo-1' }] }))
      .thenThrows(ValidationFailed, { details: [{ path: 'body[0].photoId', message: expect.any(String) }] });
  });

  it('is refused when the embargo is not a timestamp', () => {
    given()
      .when(draftArticle({ embargoUntil: 'next tuesday' }))
      .thenThrows(ValidationFailed, { details: [{ path: 'embargoUntil', message: expect.any(String) }] });
  });

  it('is refused without an article id', () => {
    given()
      .when({ ...draftArticle(), articleId: '' })
      .thenThrows(ValidationFailed, { details: [{ path: 'articleId', message: 'must not be empty' }] });
  });

  it('is refused when the command carries no valid current time', () => {
    given()
      .when(draftArticle({}, meta(aReporter(), 'now')))
      .thenThrows(ValidationFailed, { details: [{ path: 'metadata.now', message: expect.any(String) }] });
  });
});

describe('revising an article', () => {
  describe('when in draft', () => {
    const history = [drafted()];

    it('records only the fields whose value changed', () => {
      given(...history)
        .when(
          reviseArticle({
            headline: 'Harbour reopens at last',
            standfirst: someDraftFields().standfirst,
            tags: ['weather'],
          }),
        )
        .then(revised({ headline: 'Harbour reopens at last' }));
    });

    it('compares lists and blocks by value, not by reference', () => {
      given(...history)
        .when(
          reviseArticle({ body: [{ type: 'paragraph', text: 'The harbour reopened on Sunday.' }], sections: ['news'] }),
        )
        .then();
    });

    it('notices a change deep inside the body', () => {
      const body = [{ type: 'paragraph' as const, text: 'The harbour reopened on Monday.' }];
      given(...history)
        .when(reviseArticle({ body }))
        .then(revised({ body }));
    });

    it('treats a block whose attribution is absent and one whose attribution is undefined as equal', () => {
      const quote = { type: 'quote' as const, text: 'We are open.' };
      given(drafted({ body: [quote] }))
        .when(reviseArticle({ body: [{ ...quote, attribution: undefined }] }))
        .then();
    });

    it('records clearing the embargo, because null is a value and not an omission', () => {
      given(drafted({ embargoUntil: '2030-02-01T00:00:00Z' }))
        .when(reviseArticle({ embargoUntil: null }))
        .then(revised({ embargoUntil: null }));
    });

    it('emits nothing when nothing changes', () => {
      given(...history)
        .when(reviseArticle({}))
        .then();
      given(...history)
        .when(reviseArticle({ headline: someDraftFields().headline, dateline: undefined }))
        .then();
    });

    it('may place a photo that is attached into the body', () => {
      const body = [{ type: 'photo' as const, photoId: 'photo-1' }];
      given(drafted(), photoAttached()).when(reviseArticle({ body })).then(revised({ body }));
    });

    it('is refused with the path of the offending block', () => {
      const body = [
        { type: 'paragraph' as const, text: 'Fine.' },
        { type: 'paragraph' as const, text: 'Also fine.' },
        { type: 'photo' as const, photoId: 'photo-9' },
        { type: 'subheading' as const, text: '' },
      ];
      given(drafted(), photoAttached())
        .when(reviseArticle({ body }))
        .thenThrows(ValidationFailed, {
          details: [
            { path: 'body[2].photoId', message: 'must reference a photo attached to the article' },
            { path: 'body[3].text', message: 'must not be empty' },
          ],
        });
    });

    it('judges only the fields being changed', () => {
      // An article stored before a limit was tightened must stay editable in its other fields.
      given(drafted({ headline: 'x'.repeat(301) }))
        .when(reviseArticle({ standfirst: 'A new standfirst' }))
        .then(revised({ standfirst: 'A new standfirst' }));
    });
  });

  describe('when published', () => {
    it('changes the working copy and leaves what readers see until the next publication', () => {
      const live = historyUntil('published');
      given(...live)
        .when(reviseArticle({ headline: 'Harbour reopens, ferries delayed' }))
        .thenState((state) => {
          if (state.status === 'none') throw new Error('article vanished');
          expect(state.status).toBe('published');
          expect(state.working.headline).toBe('Harbour reopens, ferries delayed');
          expect(state.live?.content.headline).toBe('Harbour reopens after storm');
        });
      given(...live, revised({ headline: 'Harbour reopens, ferries delayed' }))
        .when(publishArticle())
        .thenState((state) => {
          if (state.status === 'none') throw new Error('article vanished');
          expect(state.live?.content.headline).toBe('Harbour reopens, ferries delayed');
          expect(state.live?.version).toBe(live.length + 1);
        });
    });

    it('emits nothing when the revision repeats the current values', () => {
      given(...historyUntil('published'))
        .when(reviseArticle({ headline: someDraftFields().headline }))
        .then();
    });
  });

  describe.each(['approved', 'scheduled'] as const)('when %s', (status) => {
    it('keeps the status while the working copy changes', () => {
      given(...historyUntil(status))
        .when(reviseArticle({ standfirst: 'Updated standfirst' }))
        .thenState((state) => {
          expect(state.status).toBe(status);
          expect(state.status !== 'none' && state.working.standfirst).toBe('Updated standfirst');
        });
    });
  });
});
