import { describe, expect, it } from '@jest/globals';
import { conflictOf, isReapplied, reapply, reapplyAll, shownValue } from './conflict.merge';
import type { FieldsDraft } from './fields-draft';

const base: FieldsDraft = {
  headline: 'Budget talks',
  standfirst: '',
  dateline: '',
  body: [],
  sections: [],
  tags: [],
  language: 'en',
  source: '',
  embargoUntil: null,
};
const mine: FieldsDraft = { ...base, dateline: 'BRUSSELS', sections: ['World'] };
const theirs: FieldsDraft = { ...base, standfirst: 'Talks resume.', dateline: 'PARIS' };

describe('a conflict between my edits and a colleague’s save', () => {
  const conflict = conflictOf(1, 2, base, mine);

  it('lists only the fields I changed, in the form’s order', () => {
    expect(conflict.myFields).toEqual(['dateline', 'sections']);
  });

  it('re-applies one of my fields and leaves the colleague’s others alone', () => {
    const draft = reapply(theirs, conflict, 'dateline');
    expect(draft).toEqual({ ...theirs, dateline: 'BRUSSELS' });
    expect(isReapplied(draft, conflict, 'dateline')).toBe(true);
    expect(isReapplied(draft, conflict, 'sections')).toBe(false);
  });

  it('re-applies all of mine on top of theirs', () => {
    expect(reapplyAll(theirs, conflict)).toEqual({ ...theirs, dateline: 'BRUSSELS', sections: ['World'] });
  });

  it('shows a value as a line of text', () => {
    expect(shownValue(mine, 'sections')).toBe('World');
    expect(shownValue(base, 'standfirst')).toBe('(empty)');
    expect(shownValue({ ...base, body: [{ type: 'quote', text: 'Yes', attribution: 'Ana' }] }, 'body')).toBe(
      '“Yes” Ana',
    );
  });
});
