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

  it('shows structured values as indented JSON', () => {
    expect(describeValue([{ type: 'paragraph', text: 'Hi' }])).toBe(
      '[\n  {\n    "type": "paragraph",\n    "text": "Hi"\n  }\n]',
    );
  });

  it('names fields in words', () => {
    expect(fieldLabel('embargoUntil')).toBe('Embargo until');
    expect(fieldLabel('standfirst')).toBe('Standfirst');
  });
});
