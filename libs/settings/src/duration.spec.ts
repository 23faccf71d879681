import { durationMs, flag } from './duration';

describe('a duration setting', () => {
  it.each([
    ['90s', 90_000],
    ['15m', 900_000],
    ['24h', 86_400_000],
    ['7d', 604_800_000],
  ])('reads %s as %i ms', (text, ms) => expect(durationMs.parse(text)).toBe(ms));

  it.each(['24', 'soon', '0h', '-1h', '1.5h'])('refuses %s', (text) =>
    expect(durationMs.safeParse(text).success).toBe(false),
  );
});

describe('a switch setting', () => {
  it('reads true and false, and nothing else', () => {
    expect(flag.parse('true')).toBe(true);
    expect(flag.parse('false')).toBe(false);
    expect(flag.safeParse('yes').success).toBe(false);
  });
});
