import { BROKER_DEFAULT_MINIMUM, FAST_TAKEOVER, groupTimeoutsFor, isSessionTimeoutRefused } from './group-timeouts';

describe('consumer group timeouts', () => {
  it.each([
    ['fast takeover', FAST_TAKEOVER],
    ['the broker default minimum', BROKER_DEFAULT_MINIMUM],
    ['a 500 ms session', groupTimeoutsFor(500)],
    ['a 15 s session', groupTimeoutsFor(15_000)],
  ])('%s heartbeats, and fetches when idle, several times per session', (_, t) => {
    expect(t.heartbeatInterval * 3).toBeLessThanOrEqual(t.sessionTimeout);
    expect(t.maxWaitTimeInMs * 3).toBeLessThanOrEqual(t.sessionTimeout);
    expect(t.rebalanceTimeout).toBeGreaterThanOrEqual(t.sessionTimeout);
  });

  it('takes over within 5 s: one session and a heartbeat', () => {
    expect(FAST_TAKEOVER.sessionTimeout + FAST_TAKEOVER.heartbeatInterval).toBeLessThan(5000);
  });

  it("recognises the broker's refusal of a session timeout, however deep kafkajs wrapped it", () => {
    const refusal = Object.assign(new Error('The session timeout is not within the range'), {
      type: 'INVALID_SESSION_TIMEOUT',
    });
    expect(isSessionTimeoutRefused(refusal)).toBe(true);
    expect(isSessionTimeoutRefused(new Error('crash', { cause: new Error('retries', { cause: refusal }) }))).toBe(true);
    expect(isSessionTimeoutRefused(Object.assign(new Error('loading'), { type: 'COORDINATOR_LOAD_IN_PROGRESS' }))).toBe(
      false,
    );
  });
});
