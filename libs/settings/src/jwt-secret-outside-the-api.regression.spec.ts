import { parseEnv } from './env.schema';

// Bug: one schema for every process made the outbox relay, the projector and the migrations refuse
// to start in production without JWT_SECRET, a secret only the API uses.
describe('regression: processes other than the API required JWT_SECRET in production', () => {
  it('parses the shared settings in production with no JWT secret', () => {
    expect(parseEnv({ NODE_ENV: 'production' })).not.toHaveProperty('JWT_SECRET');
  });
});
