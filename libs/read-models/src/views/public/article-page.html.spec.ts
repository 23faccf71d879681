import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { correctionIssued, published, revised } from '@newsroom/testing';
import { ARTICLE_PAGE_CSP, articlePageHtml } from './article-page.html';
import { newsArticleOf } from './news-article.jsonld';
import {
  aCorrectedWireStory,
  aLiveWireStory,
  aRedactedStory,
  publicRowAfter,
  SITE,
  wireStoryHistory,
} from './public-article.fixtures';

const profile = JSON.parse(readFileSync(join(__dirname, 'news-article.profile.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true });
addFormats(ajv);
const validateProfile = ajv.compile(profile);

/** The JSON-LD block of a page, read back as a browser or a crawler would: the text of the script element. */
function embeddedJsonLd(html: string): unknown {
  const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
  expect(blocks).toHaveLength(1);
  return JSON.parse(blocks[0]![1]!);
}

describe('the NewsArticle JSON-LD', () => {
  it('of a story redacted under a legal order fits the profile schema, its editor’s note a CorrectionComment', () => {
    const doc = newsArticleOf(aRedactedStory(), SITE);

    expect(validateProfile(doc) ? [] : validateProfile.errors).toEqual([]);
    expect(doc.correction).toEqual(
      expect.arrayContaining([expect.objectContaining({ '@type': 'CorrectionComment', text: expect.any(String) })]),
    );
  });

  it('of a live story fits the profile schema, with authors and contributors as Person', () => {
    const doc = newsArticleOf(aLiveWireStory(), SITE);

    expect(validateProfile(doc) ? [] : validateProfile.errors).toEqual([]);
    expect(doc.author).toEqual([
      { '@type': 'Person', name: 'Maren Holt', affiliation: { '@type': 'Organization', name: 'Newsroom wire' } },
    ]);
    expect((doc.contributor as unknown[]).length).toBe(7);
    expect(doc).toMatchObject({ dateline: 'REYKJAVIK', image: expect.arrayContaining([expect.any(String)]) });
  });

  it('of a corrected story carries the correction as a dated CorrectionComment and moves dateModified', () => {
    const doc = newsArticleOf(aCorrectedWireStory(), SITE);

    expect(validateProfile(doc) ? [] : validateProfile.errors).toEqual([]);
    expect(doc.correction).toEqual([
      {
        '@type': 'CorrectionComment',
        text: 'An earlier version misnamed the harbour master.',
        datePublished: '2030-01-15T12:00:00.000Z',
      },
    ]);
    expect(doc.dateModified).toBe('2030-01-15T12:00:00.000Z');
  });

  it('names the configured corrections policy and publishing principles', () => {
    expect(newsArticleOf(aLiveWireStory(), SITE).publisher).toMatchObject({
      correctionsPolicy: SITE.correctionsPolicyUrl,
      publishingPrinciples: SITE.publishingPrinciplesUrl,
    });
  });

  it('fails the profile with a property it does not define (the schema can fail)', () => {
    expect(validateProfile({ ...newsArticleOf(aLiveWireStory(), SITE), articleBody: 'x' })).toBe(false);
  });
});

describe('the article page', () => {
  it('embeds exactly the JSON-LD the endpoint serves', () => {
    const row = aCorrectedWireStory();

    expect(embeddedJsonLd(articlePageHtml(row, SITE))).toEqual(newsArticleOf(row, SITE));
  });

  it('shows the headline, standfirst, dateline, byline, credits, photos and corrections', () => {
    const html = articlePageHtml(aCorrectedWireStory(), SITE);

    expect(html).toContain('<h1>Coastal nations agree on a joint plan for fishing quotas after all-night talks</h1>');
    expect(html).toContain('<p class="meta dateline">REYKJAVIK</p>');
    expect(html).toContain('<p class="meta byline">By Maren Holt</p>');
    expect(html).toContain(
      'Tomas Berg, Ingrid Sol, Pavel Novak, Lena Fjord and Oskar Dahl contributed to this report.',
    );
    expect(html).toContain('alt="Delegates walking out of a hall at dawn"');
    expect(html).toContain('<small>Sigrun Vik/North Agency via Wire Images</small>');
    expect(html).toMatch(
      /<strong>Correction<\/strong> <time datetime="2030-01-15T12:00:00.000Z">15 January 2030, 12:00 UTC<\/time>/,
    );
  });

  it('shows "Updated" after a major update, not after a minor one', () => {
    const history = wireStoryHistory();
    const n = history.length;
    const minor = publicRowAfter(
      ...history,
      revised({ standfirst: 'Fixed a typo.' }),
      published({ publishedVersion: n + 1, publishedAt: '2030-01-15T11:00:00.000Z', updateKind: 'minor' }),
    );
    const major = publicRowAfter(
      ...history,
      revised({ standfirst: 'New facts.' }),
      published({ publishedVersion: n + 1, publishedAt: '2030-01-15T11:00:00.000Z', updateKind: 'major' }),
    );

    expect(articlePageHtml(minor, SITE)).not.toContain('Updated');
    expect(articlePageHtml(major, SITE)).toContain('Updated <time datetime="2030-01-15T11:00:00.000Z">');
  });

  it('renders a <script> headline and body as text, also inside the JSON-LD block', () => {
    const evil = '</script><script>alert(1)</script>';
    const row = publicRowAfter(
      ...wireStoryHistory({ headline: evil, body: [{ type: 'paragraph', text: `<img src=x onerror=alert(1)>` }] }),
      correctionIssued({ text: '<!-- <script>' }),
    );
    const html = articlePageHtml(row, SITE);

    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('<h1>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</h1>');
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(embeddedJsonLd(html)).toMatchObject({ headline: evil });
  });

  it('allows no script and only its own style block', () => {
    expect(ARTICLE_PAGE_CSP).toContain("script-src 'none'");
    expect(ARTICLE_PAGE_CSP).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(ARTICLE_PAGE_CSP).not.toContain('unsafe-inline');
  });
});
