import { describe, expect, it } from '@jest/globals';
import type { RedactionOrderView } from '@newsroom/contracts';
import { ApiError } from '../api/http';
import { decidedBy, fieldCount, mayDecide, orderedSentence, redactionRefusal } from './redaction-order';

const ada = { id: 'u-ada', name: 'Ada Admin' };
const bo = { id: 'u-bo', name: 'Bo Second' };

const order = (patch: Partial<RedactionOrderView> = {}): RedactionOrderView => ({
  redactionId: 'r1',
  status: 'pending',
  reason: 'Court order',
  legalBasis: 'Contempt of Court Act 1981, s.10',
  reference: 'HC-2030-0117',
  requestedBy: ada,
  requestedAt: '2026-12-02T08:00:00.000Z',
  confirmedBy: null,
  redactedAt: null,
  declinedBy: null,
  declinedAt: null,
  fields: 0,
  ...patch,
});

const refused = (status: number, body: Record<string, unknown>) =>
  new ApiError(status, { statusCode: status, error: '', message: '', ...body });

describe('who may decide a pending order', () => {
  it('is any admin but the one who asked', () => {
    expect(mayDecide(order(), bo.id)).toBe(true);
    expect(mayDecide(order(), ada.id)).toBe(false);
  });

  it('is nobody once the order is decided', () => {
    expect(mayDecide(order({ status: 'redacted', confirmedBy: bo }), bo.id)).toBe(false);
    expect(mayDecide(order({ status: 'declined', declinedBy: bo }), bo.id)).toBe(false);
  });
});

describe('who decided, as the list says it', () => {
  it('names the confirmer, the decliner, or nobody while the order waits', () => {
    expect(decidedBy(order({ status: 'redacted', confirmedBy: bo }))).toBe('Bo Second (confirmed)');
    expect(decidedBy(order({ status: 'declined', declinedBy: bo }))).toBe('Bo Second (declined)');
    expect(decidedBy(order())).toBe('—');
  });
});

it('counts fields in words', () => {
  expect(fieldCount(1)).toBe('1 field');
  expect(fieldCount(3)).toBe('3 fields');
});

it('says a pending order has redacted nothing yet, and a done one that every version reads it as redacted', () => {
  expect(orderedSentence('pending', 9)).toMatch(/waits for a second admin.*Nothing is redacted until then/);
  expect(orderedSentence('redacted', 9)).toBe(
    'Redacted: every version of the article now reads the passage as redacted (now version 9).',
  );
});

describe('a refused order, in one sentence', () => {
  it('says a stale version redacted nothing and that the workspace now shows the latest', () => {
    expect(redactionRefusal(refused(412, {}))).toMatch(/^Someone changed the article.*nothing was redacted.*latest/);
  });

  it('gives the reason when part of the passage cannot be erased yet', () => {
    const err = refused(409, { code: 'REDACTION_NEEDS_ERASURE', message: 'version 3 is not yet relayed' });
    expect(redactionRefusal(err)).toBe('Nothing was redacted: version 3 is not yet relayed. Try again in a minute.');
  });

  it('says a passage found nowhere must be typed exactly', () => {
    const err = refused(400, { code: 'PASSAGE_NOT_FOUND', details: [{ path: 'passage', message: 'does not occur' }] });
    expect(redactionRefusal(err)).toMatch(/not found in any version.*typed exactly/);
  });

  it('says an order decided meanwhile is no longer waiting', () => {
    expect(redactionRefusal(refused(404, { code: 'REDACTION_NOT_FOUND' }))).toMatch(/no longer waiting/);
  });

  it('says any other refusal as every write does', () => {
    expect(redactionRefusal(refused(403, { reason: 'legal redactions are for admins' }))).toBe(
      'You may not do this: legal redactions are for admins.',
    );
  });
});
