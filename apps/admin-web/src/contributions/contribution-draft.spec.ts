import { describe, expect, it } from '@jest/globals';
import type { ContributionView } from '@newsroom/contracts';
import { ApiError } from '../api/http';
import { draftOf, newDraft, reviseRequestOf, submitRequestOf } from './contribution-draft';
import { contributionSentence, inReporterOrder } from './contribution-status';

describe('submitRequestOf', () => {
  it('leaves out empty optional fields instead of sending ""', () => {
    const draft = newDraft('Rey Reporter');
    draft.blocks = [
      { type: 'paragraph', text: 'The ferry left at dawn.' },
      { type: 'quote', text: 'We waited all night.', attribution: '  ' },
    ];
    expect(submitRequestOf(draft)).toEqual({
      blocks: [
        { type: 'paragraph', text: 'The ferry left at dawn.' },
        { type: 'quote', text: 'We waited all night.' },
      ],
      credit: { name: 'Rey Reporter', role: 'contributor' },
    });
  });

  it('sends photos without ids, the note, and the affiliation when given', () => {
    const draft = newDraft('Rey Reporter');
    draft.photos = [{ url: ' https://img.test/a.jpg ', caption: 'Quay', credit: 'AFP', altText: '', rights: 'CC' }];
    draft.note = 'Checked with the harbour office.';
    draft.credit.affiliation = 'Harbour Herald';
    const body = submitRequestOf(draft);
    expect(body.photos).toEqual([{ url: 'https://img.test/a.jpg', caption: 'Quay', credit: 'AFP', rights: 'CC' }]);
    expect(body.note).toBe('Checked with the harbour office.');
    expect(body.credit).toEqual({ name: 'Rey Reporter', role: 'contributor', affiliation: 'Harbour Herald' });
  });
});

describe('reviseRequestOf', () => {
  const before = draftOf({
    blocks: [{ type: 'paragraph', text: 'One' }],
    photos: [{ photoId: 'p1', url: 'https://img.test/a.jpg', caption: 'Quay', credit: 'AFP' }],
    note: 'n',
    credit: { name: 'Rey Reporter', role: 'contributor' },
  });

  it('carries nothing when nothing changed', () => {
    expect(reviseRequestOf(before, draftOf({ ...before, photos: [] }))).toEqual({});
  });

  it('carries only the parts that changed', () => {
    const after = { ...before, blocks: [{ type: 'paragraph' as const, text: 'One, fixed' }] };
    expect(reviseRequestOf(before, after)).toEqual({ blocks: [{ type: 'paragraph', text: 'One, fixed' }] });
    const credited = { ...before, credit: { ...before.credit, role: 'photographer' as const } };
    expect(reviseRequestOf(before, credited)).toEqual({ credit: { name: 'Rey Reporter', role: 'photographer' } });
  });
});

describe('inReporterOrder', () => {
  const c = (status: ContributionView['status'], updatedAt: string) => ({ status, updatedAt });

  it('puts sent-back items first, then waiting ones, then decided ones, newest first within each', () => {
    const sorted = inReporterOrder([
      c('accepted', '2026-01-03'),
      c('submitted', '2026-01-01'),
      c('changes_requested', '2026-01-01'),
      c('submitted', '2026-01-02'),
      c('changes_requested', '2026-01-02'),
    ]);
    expect(sorted.map((x) => `${x.status}@${x.updatedAt}`)).toEqual([
      'changes_requested@2026-01-02',
      'changes_requested@2026-01-01',
      'submitted@2026-01-02',
      'submitted@2026-01-01',
      'accepted@2026-01-03',
    ]);
  });
});

describe('contributionSentence', () => {
  it("names the contribution's status on a 409, not the article's", () => {
    const err = new ApiError(409, {
      statusCode: 409,
      error: 'Conflict',
      message: 'Cannot AcceptContribution while the contribution is withdrawn',
      code: 'INVALID_TRANSITION',
      currentStatus: 'withdrawn',
      allowedFrom: ['submitted'],
    });
    expect(contributionSentence(err, 'Accepting')).toBe(
      'Accepting is not possible while the contribution is withdrawn; ' +
        'it is possible only when it is waiting for the desk.',
    );
  });

  it('says the contribution changed on a 412 and that the text is kept', () => {
    expect(contributionSentence(new ApiError(412, null), 'Your revision')).toMatch(/changed since you opened it.*kept/);
  });
});
