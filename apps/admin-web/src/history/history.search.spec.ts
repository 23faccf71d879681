import { describe, expect, it } from '@jest/globals';
import { parseCompareSearch, parseMomentSearch, parseVersion } from './history.search';

describe('versions in the URL', () => {
  it('keeps positive whole numbers, from the URL’s text or a number', () => {
    expect(parseVersion('7')).toBe(7);
    expect(parseVersion(7)).toBe(7);
  });

  it('drops anything else', () => {
    for (const v of ['0', '-1', '1.5', 'seven', '', undefined, 0, 2.5, '99999999999']) {
      expect(parseVersion(v)).toBeUndefined();
    }
  });

  it('keeps the compared pair, dropping a bad side', () => {
    expect(parseCompareSearch({ from: '2', to: '5' })).toEqual({ from: 2, to: 5 });
    expect(parseCompareSearch({ from: 'x', to: '5' })).toEqual({ to: 5 });
  });

  it('shows a version or a moment, and the version when the URL names both', () => {
    expect(parseMomentSearch({ version: '3' })).toEqual({ version: 3 });
    expect(parseMomentSearch({ asOf: '2026-02-13T10:05:00Z' })).toEqual({ asOf: '2026-02-13T10:05:00.000Z' });
    expect(parseMomentSearch({ version: '3', asOf: '2026-02-13T10:05:00Z' })).toEqual({ version: 3 });
    expect(parseMomentSearch({ asOf: 'soon' })).toEqual({});
  });
});
