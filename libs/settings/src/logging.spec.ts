import { parseEnv } from './env.schema';
import { logDestination, logFormatOf, logNameOf } from './logging';

describe('the log format', () => {
  it('is readable lines on a terminal outside production, JSON on anything else', () => {
    expect(logFormatOf(parseEnv({}), true)).toBe('pretty');
    expect(logFormatOf(parseEnv({}), false)).toBe('json');
    expect(logFormatOf(parseEnv({ NODE_ENV: 'production' }), true)).toBe('json');
    expect(logFormatOf(parseEnv({ NODE_ENV: 'test' }), true)).toBe('pretty');
  });

  it('is what LOG_FORMAT says when it says one, and refuses anything else naming the variable', () => {
    expect(logFormatOf(parseEnv({ LOG_FORMAT: 'json' }), true)).toBe('json');
    expect(logFormatOf(parseEnv({ LOG_FORMAT: 'pretty' }), false)).toBe('pretty');
    expect(() => parseEnv({ LOG_FORMAT: 'colourful' })).toThrow(/LOG_FORMAT/);
  });

  it('names the process after LOG_NAME when npm start gave one, after its app otherwise', () => {
    expect(logNameOf(parseEnv({ LOG_NAME: 'projector:article_state' }), 'projector')).toBe('projector:article_state');
    expect(logNameOf(parseEnv({}), 'projector')).toBe('projector');
    expect(() => parseEnv({ LOG_NAME: 'a name with spaces' })).toThrow(/LOG_NAME/);
  });

  it('writes JSON to stdout as it is, and readable lines through pino-pretty', () => {
    expect(logDestination('json', 'outbox-relay')).toBeUndefined();
    expect(logDestination('pretty', 'outbox-relay')).toHaveProperty('write');
  });
});
