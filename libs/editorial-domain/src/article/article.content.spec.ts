import { ARTICLE_LIMITS, validateContent, type ArticleContent, type BodyBlock } from '@newsroom/editorial-domain';
import { aContributor, aPhoto, someDraftFields } from '@newsroom/testing';

const content = (overrides: Partial<ArticleContent> = {}): ArticleContent => ({
  ...someDraftFields(),
  contributors: [aContributor()],
  photos: [aPhoto()],
  ...overrides,
});
const paths = (c: ArticleContent) => validateContent(c).map((issue) => issue.path);
const text = (length: number, char = 'x') => char.repeat(length);

describe('article content', () => {
  it('is valid as built by the test builders', () => {
    expect(validateContent(content())).toEqual([]);
  });

  describe('length limits, accepted at the limit and refused one past it', () => {
    const L = ARTICLE_LIMITS;
    it.each([
      ['headline', L.headlineMaxLength, 300],
      ['standfirst', L.standfirstMaxLength, 1000],
      ['dateline', L.datelineMaxLength, 100],
      ['source', L.sourceMaxLength, 200],
    ] as const)('%s takes up to %i characters', (field, limit, documented) => {
      expect(limit).toBe(documented);
      expect(paths(content({ [field]: text(limit) }))).toEqual([]);
      expect(validateContent(content({ [field]: text(limit + 1) }))).toEqual([
        { path: field, message: `must be at most ${limit} characters` },
      ]);
    });

    it('counts characters, not UTF-16 units, so an emoji headline of 300 fits', () => {
      expect(paths(content({ headline: text(300, '📰') }))).toEqual([]);
    });
  });

  describe('the headline', () => {
    it.each(['', '   ', '\n\t'])('must say something, not %j', (headline) => {
      expect(validateContent(content({ headline }))).toEqual([{ path: 'headline', message: 'must not be empty' }]);
    });
  });

  describe('sections and tags', () => {
    it('allow 20 sections and 50 tags but no more', () => {
      expect(paths(content({ sections: Array(20).fill('s'), tags: Array(50).fill('t') }))).toEqual([]);
      expect(paths(content({ sections: Array(21).fill('s'), tags: Array(51).fill('t') }))).toEqual([
        'sections',
        'tags',
      ]);
    });

    it('address each bad entry by index', () => {
      expect(paths(content({ sections: ['ok', text(101)], tags: ['', 'ok'] }))).toEqual(['sections[1]', 'tags[0]']);
    });
  });

  describe('the language', () => {
    it.each(['en', 'en-GB', 'pt-BR', 'zh-Hant-TW', 'es-419', 'sr-Latn'])('accepts %s', (language) => {
      expect(paths(content({ language }))).toEqual([]);
    });

    it.each(['', 'english', 'en_GB', 'e', 'en-', 'en-GB-'])('refuses %j', (language) => {
      expect(paths(content({ language }))).toEqual(['language']);
    });
  });

  describe('the embargo', () => {
    it.each(['2030-01-31T09:00:00Z', '2030-01-31T09:00Z', '2030-01-31T09:00:00.123+05:30'])(
      'accepts %s',
      (embargoUntil) => {
        expect(paths(content({ embargoUntil }))).toEqual([]);
      },
    );

    it.each(['2030-01-31', '2030-02-30T09:00:00Z', '2030-01-31T25:00:00Z', '2030-01-31T09:00:00', 'soon'])(
      'refuses %s',
      (embargoUntil) => {
        expect(paths(content({ embargoUntil }))).toEqual(['embargoUntil']);
      },
    );
  });

  describe('the body', () => {
    it('takes up to 500 blocks', () => {
      const blocks = (n: number): BodyBlock[] => Array.from({ length: n }, () => ({ type: 'paragraph', text: 'p' }));
      expect(paths(content({ body: blocks(500) }))).toEqual([]);
      expect(paths(content({ body: blocks(501) }))).toEqual(['body']);
    });

    it('takes up to 200 KB as UTF-8 JSON, counting multi-byte characters by their bytes', () => {
      const overhead = JSON.stringify([{ type: 'paragraph', text: '' }]).length;
      const fits = 200 * 1024 - overhead;
      expect(ARTICLE_LIMITS.bodyMaxBytes).toBe(204800);
      expect(paths(content({ body: [{ type: 'paragraph', text: text(fits) }] }))).toEqual([]);
      expect(paths(content({ body: [{ type: 'paragraph', text: text(fits + 1) }] }))).toEqual(['body']);
      // "é" is one character but two bytes: half as many fit.
      expect(paths(content({ body: [{ type: 'paragraph', text: text(fits / 2 + 1, 'é') }] }))).toEqual(['body']);
    });

    it('addresses every bad block by index and field', () => {
      const body = [
        { type: 'paragraph', text: '' },
        { type: 'quote', text: 'Quoted', attribution: 42 },
        { type: 'photo', photoId: 'photo-404' },
        { type: 'video', url: 'x' },
        null,
      ] as unknown as BodyBlock[];
      expect(validateContent(content({ body }))).toEqual([
        { path: 'body[0].text', message: 'must not be empty' },
        { path: 'body[1].attribution', message: 'must be a string' },
        { path: 'body[2].photoId', message: 'must reference a photo attached to the article' },
        { path: 'body[3].type', message: 'must be one of: paragraph, subheading, quote, photo' },
        { path: 'body[4].type', message: 'must be one of: paragraph, subheading, quote, photo' },
      ]);
    });

    it('accepts a photo block for an attached photo', () => {
      expect(paths(content({ body: [{ type: 'photo', photoId: 'photo-1' }] }))).toEqual([]);
    });

    it('reports a body that is not a list instead of crashing', () => {
      expect(paths(content({ body: 'text' as never }))).toEqual(['body']);
    });
  });

  describe('contributors and photos', () => {
    it('address bad entries inside the article by index', () => {
      const issues = validateContent(
        content({
          contributors: [aContributor(), aContributor({ name: '', role: 'boss' as never })],
          photos: [aPhoto({ url: 'javascript:alert(1)', rights: text(501) })],
        }),
      );
      expect(issues.map((i) => i.path)).toEqual([
        'contributors[1].name',
        'contributors[1].role',
        'photos[0].url',
        'photos[0].rights',
      ]);
    });

    it.each([
      ['an https url', 'https://example.com/a.jpg', true],
      ['an upper-case http url', 'HTTP://EXAMPLE.COM', true],
      ['a scheme without a host', 'https://', false],
      ['a url with a space', 'https://exa mple.com/a.jpg', false],
      ['a scheme-relative url', '//example.com/a.jpg', false],
      ['a url of 2001 characters', `https://example.com/${text(1981)}`, false],
    ] as const)('judges %s valid: %p', (_label, url, valid) => {
      expect(paths(content({ photos: [aPhoto({ url })] }))).toEqual(valid ? [] : ['photos[0].url']);
    });

    it('accepts a 2000-character url', () => {
      const url = `https://example.com/${text(2000 - 'https://example.com/'.length)}`;
      expect(paths(content({ photos: [aPhoto({ url })] }))).toEqual([]);
    });
  });
});
