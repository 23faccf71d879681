import { bearerToken } from './bearer-token';

describe('the bearer scheme is case-insensitive (issue #7)', () => {
  it.each(['Bearer', 'bearer', 'BEARER', 'bEaReR'])('reads the token after "%s"', (scheme) => {
    expect(bearerToken(`${scheme} abc.def.ghi`)).toBe('abc.def.ghi');
  });

  it('refuses another scheme, a missing token or a header that is not one string', () => {
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken('Bearer')).toBeUndefined();
    expect(bearerToken('Bearer a b')).toBeUndefined();
    expect(bearerToken(['Bearer abc'])).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});
