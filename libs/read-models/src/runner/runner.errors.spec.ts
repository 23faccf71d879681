import { describeError, isDataError } from './runner.errors';

describe('telling a refused write from a passing failure', () => {
  it.each([
    ['22P05', true],
    ['23505', true],
    ['23502', true],
    ['40P01', false],
    ['57P01', false],
    ['08006', false],
  ])('SQLSTATE %s is a data error: %s', (code, expected) => {
    expect(isDataError({ driverError: { code } })).toBe(expected);
    expect(isDataError({ code })).toBe(expected);
  });

  it('treats an error without a SQLSTATE as worth retrying', () => {
    expect(isDataError(new Error('Connection terminated'))).toBe(false);
    expect(isDataError(null)).toBe(false);
  });
});

describe("a dead letter's reason", () => {
  class VersionGap extends Error {}

  it('names the error class, on one line, without NUL', () => {
    expect(describeError(new VersionGap('expected 3,\n got 5\0'))).toBe('VersionGap: expected 3, got 5\\0');
  });

  it('is bounded', () => {
    expect(describeError(new Error('x'.repeat(5000)))).toHaveLength(1000);
  });
});
