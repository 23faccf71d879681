import { describe, expect, it } from '@jest/globals';
import { ApiError, NetworkError } from '../api/http';
import { errorAt, fieldErrorsOf, sentenceOf } from './refusal.sentence';

const refusal = (status: number, body: Record<string, unknown>) =>
  new ApiError(status, { statusCode: status, error: 'x', message: 'raw', ...body });

describe('a refusal read as a sentence', () => {
  it('names each field a 400 names, once, by its path', () => {
    const err = refusal(400, {
      details: [
        { path: 'headline', message: 'headline must be at most 300 characters' },
        { path: 'body[2].text', message: 'must not be empty' },
        { path: 'headline', message: 'a second problem' },
      ],
    });
    expect(fieldErrorsOf(err)).toEqual({
      headline: 'headline must be at most 300 characters',
      'body[2].text': 'must not be empty',
    });
    expect(sentenceOf(err, 'Your change')).toBe(
      'Your change was not saved: headline must be at most 300 characters; body[2].text must not be empty; ' +
        'headline a second problem. The marked fields need a change.',
    );
  });

  it('finds an error below a path, so a block is marked for its text', () => {
    expect(errorAt({ 'body[2].text': 'must not be empty' }, 'body[2]')).toBe('must not be empty');
    expect(errorAt({ 'body[12].text': 'must not be empty' }, 'body[1]')).toBeUndefined();
  });

  it('says why a 403 refused, in the role’s own reason', () => {
    const err = refusal(403, { code: 'FORBIDDEN', reason: 'auditors have read-only access' });
    expect(sentenceOf(err)).toBe('You may not do this: auditors have read-only access.');
    expect(fieldErrorsOf(err)).toEqual({});
  });

  it('says from which statuses a refused transition is possible', () => {
    const err = refusal(409, {
      code: 'INVALID_TRANSITION',
      currentStatus: 'draft',
      allowedFrom: ['approved', 'scheduled'],
    });
    expect(sentenceOf(err, 'Publish')).toBe(
      'Publish is not possible while the article is a draft; it is possible only when it is approved or scheduled.',
    );
  });

  it('says the work is kept when the server fails or cannot be reached', () => {
    expect(sentenceOf(refusal(503, {}))).toMatch(/error 503.*your work is kept here/);
    expect(sentenceOf(new NetworkError())).toMatch(/could not be reached\. Your work is kept here/);
  });
});
