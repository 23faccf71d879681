import { describe, expect, it } from '@jest/globals';
import { describeValue, fieldLabel } from './field-value';

describe('a field’s value as people read it', () => {
  it('says "(none)" for nothing, an empty text or an empty list', () => {
    for (const v of [null, undefined, '', []]) expect(describeValue(v)).toBe('(none)');
  });

  it('joins a list of words and keeps text as it is', () => {
    expect(describeValue(['Politics', 'World'])).toBe('Politics, World');
    expect(describeValue('LONDON')).toBe('LONDON');
  });

  it('reads a body as its blocks’ text, never as JSON', () => {
    const body = [
      { type: 'subheading', text: 'Ferries' },
      { type: 'paragraph', text: 'Crossings resume.' },
    ];
    expect(describeValue(body)).toBe('Subheading: Ferries\n\nCrossings resume.');
  });

  it('reads photos and contributors one a line', () => {
    const photo = { photoId: 'p1', url: 'https://img.test/1.jpg', caption: 'The quay at dawn', credit: 'Agency' };
    expect(describeValue(photo)).toBe('The quay at dawn — Agency (https://img.test/1.jpg)');
    const contributors = [
      { contributorId: 'c1', name: 'Ana Ruiz', role: 'contributor', affiliation: 'Wire' },
      { contributorId: 'c2', name: 'Ben Ode', role: 'author' },
    ];
    expect(describeValue(contributors)).toBe('Ana Ruiz, contributor, Wire\nBen Ode, author');
  });

  it('keeps JSON for a structure it has no reading for', () => {
    expect(describeValue({ unknown: 1 })).toBe('{\n  "unknown": 1\n}');
  });

  it('names fields in words', () => {
    expect(fieldLabel('embargoUntil')).toBe('Embargo until');
    expect(fieldLabel('standfirst')).toBe('Standfirst');
  });
});
