import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unpublished } from '@newsroom/testing';
import { ninjsValidator, NINJS_VENDOR_DIR } from '@newsroom/testing-system';
import { ninjsOf } from './ninjs.view';
import {
  aCorrectedWireStory,
  aLiveWireStory,
  aRedactedStory,
  publicRowAfter,
  SITE,
  wireStoryHistory,
} from './public-article.fixtures';

const validate = ninjsValidator();
const asIptcRunsIt = ninjsValidator({ assertFormats: false });
const SUITE = join(NINJS_VENDOR_DIR, 'validation', 'test_suite');
const filesIn = (folder: string) =>
  readdirSync(join(SUITE, folder)).map((f) => [
    `${folder}/${f}`,
    JSON.parse(readFileSync(join(SUITE, folder, f), 'utf8')),
  ]);

describe('the ninjs 2.2 validator (IPTC schema, Ajv draft 2020-12)', () => {
  // As IPTC's own runner does: 2.0, 2.1 and 2.2 examples pass the 2.2 schema, 2.1 and 2.2 failures fail it.
  it.each([...filesIn('2.2/should_pass'), ...filesIn('2.1/should_pass'), ...filesIn('2.0/should_pass')])(
    'accepts IPTC example %s',
    (_, doc) => {
      expect(asIptcRunsIt(doc)).toEqual([]);
    },
  );

  it.each([...filesIn('2.2/should_fail'), ...filesIn('2.1/should_fail')])('rejects IPTC example %s', (_, doc) => {
    expect(asIptcRunsIt(doc)).not.toEqual([]);
  });

  it('holds documents to the formats when asked: a date that is not a date-time fails', () => {
    const doc = { ...ninjsOf(aLiveWireStory(), SITE), versioncreated: 'yesterday' };

    expect(validate(doc).map((e) => e.keyword)).toEqual(['format']);
    expect(asIptcRunsIt(doc)).toEqual([]);
  });

  it('rejects a property at the root that ninjs does not define', () => {
    const doc = { ...ninjsOf(aLiveWireStory(), SITE), slug: 'invented' };

    expect(validate(doc).map((e) => e.keyword)).toContain('unevaluatedProperties');
  });
});

describe('the ninjs document of a live story', () => {
  const doc = ninjsOf(aLiveWireStory(), SITE);

  it('validates against the official schema', () => {
    expect(validate(doc)).toEqual([]);
  });

  it('has a uri that does not change across versions, and the live version with its time', () => {
    const later = ninjsOf(aCorrectedWireStory(), SITE);

    expect(later.uri).toBe(doc.uri);
    expect(doc).toMatchObject({ pubstatus: 'usable', version: String(wireStoryHistory().length - 1) });
    expect(doc.versioncreated).toBe(doc.firstcreated);
  });

  it('maps headline, standfirst, dateline, language, byline and subjects from sections', () => {
    expect(doc).toMatchObject({
      headlines: [{ role: 'main', value: expect.stringContaining('Coastal nations') }],
      descriptions: [{ role: 'summary', value: expect.stringContaining('Negotiators') }],
      located: 'REYKJAVIK',
      language: 'en',
      by: 'By Maren Holt',
      subjects: [
        expect.objectContaining({ name: 'World', rel: 'section' }),
        expect.objectContaining({ name: 'Business' }),
      ],
    });
  });

  it('names every credited person with the project URI of their role', () => {
    const people = doc.people as Array<{ name: string; rel: string }>;

    expect(people).toHaveLength(8);
    expect(people.filter((p) => p.rel === 'urn:newsroom:contributor-role:contributor').map((p) => p.name)).toEqual([
      'Tomas Berg',
      'Ingrid Sol',
      'Pavel Novak',
      'Lena Fjord',
      'Oskar Dahl',
    ]);
  });

  it('associates each photo with its credit, holder, caption, alt text and rendition', () => {
    const [first] = doc.associations as Array<Record<string, unknown>>;

    expect(first).toEqual({
      name: 'photo1',
      uri: 'urn:newsroom:photo:photo-a',
      type: 'picture',
      by: 'Sigrun Vik/North Agency via Wire Images',
      copyrightholder: 'North Agency',
      copyrightnotice: '© Sigrun Vik/North Agency via Wire Images',
      usageterms: 'Editorial use only',
      descriptions: [
        {
          role: 'caption',
          contenttype: 'text/plain',
          value: 'Delegates leave the conference hall after the overnight session.',
        },
        { role: 'alternative-text', contenttype: 'text/plain', value: 'Delegates walking out of a hall at dawn' },
      ],
      renditions: [{ name: 'original', href: 'https://images.example.com/talks-hall.jpg' }],
    });
  });
});

describe('the ninjs document of a corrected story', () => {
  const doc = ninjsOf(aCorrectedWireStory(), SITE);

  it('carries the correction as an ednote and as a visible note in the body, and validates', () => {
    expect(validate(doc)).toEqual([]);
    expect(doc.ednote).toBe('Correction (2030-01-15T12:00:00.000Z): An earlier version misnamed the harbour master.');
    expect((doc.bodies as Array<{ value: string }>)[0]!.value).toContain(
      'An earlier version misnamed the harbour master.</li>',
    );
  });
});

describe('the ninjs document of a story redacted under a legal order (issue #12)', () => {
  const doc = ninjsOf(aRedactedStory(), SITE);

  it('is a new version carrying the editor’s note as an ednote and in the body, and validates', () => {
    expect(validate(doc)).toEqual([]);
    expect(doc.ednote).toContain('Editor’s note (');
    expect((doc.bodies as Array<{ value: string }>)[0]!.value).toContain('<strong>Editor’s note</strong>');
  });

  it('validates with a redaction marker left in its content, shown as removed text', () => {
    const row = aRedactedStory();
    const marker = {
      $redacted: { kid: 'k', redactionId: 'r', redactedAt: row.modifiedAt, legalBasis: 'b', reference: 'x' },
    };
    const withMarker = ninjsOf({ ...row, content: { ...row.content, headline: marker as never } }, SITE);

    expect(validate(withMarker)).toEqual([]);
    expect(JSON.stringify(withMarker.headlines)).toContain('Removed for legal reasons');
  });
});

describe('the ninjs document of a withdrawn story', () => {
  const doc = ninjsOf(publicRowAfter(...wireStoryHistory(), unpublished()), SITE);

  it('is canceled, carries no content, and validates', () => {
    expect(validate(doc)).toEqual([]);
    expect(doc.pubstatus).toBe('canceled');
    expect(JSON.stringify(doc)).not.toContain('Coastal');
  });
});

describe('escaping', () => {
  it('renders markup in the text as text inside the HTML body', () => {
    const doc = ninjsOf(
      aLiveWireStory({ body: [{ type: 'paragraph', text: '<script>alert(1)</script>' }], headline: '<b>x</b>' }),
      SITE,
    );
    const body = (doc.bodies as Array<{ value: string }>)[0]!.value;

    expect(body).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(validate(doc)).toEqual([]);
  });
});
