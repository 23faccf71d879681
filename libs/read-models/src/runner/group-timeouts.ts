import type { RetryOptions } from 'kafkajs';

/** The classic consumer-group protocol's clocks, as kafkajs takes them. */
export interface GroupTimeouts {
  /** How long the broker waits for a silent member before handing its partitions to the others. */
  sessionTimeout: number;
  heartbeatInterval: number;
  /** How long a rebalance waits for a live member to finish its batch and rejoin. */
  rebalanceTimeout: number;
  /**
   * How long an idle fetch waits for messages. kafkajs heartbeats between fetches, not from a
   * background thread, so an idle member is heard from only this often: well under the session.
   */
  maxWaitTimeInMs: number;
}

/**
 * A twin takes over a dead member's partitions about one session after its last heartbeat, and a
 * consumer restarted after a broker restart waits that long for its old self to expire: 2 s keeps
 * both under 5 s (`npm run chaos` measures them; 3 s measured 5.5 s after a broker restart). Needs
 * the broker's group.min.session.timeout.ms at or below it (ours is 1000). Heartbeats go on during
 * a batch (see keepingAlive), so only a process stalled for 2 s loses its partitions.
 */
export const FAST_TAKEOVER: GroupTimeouts = {
  sessionTimeout: 2000,
  heartbeatInterval: 400,
  rebalanceTimeout: 10_000,
  maxWaitTimeInMs: 400,
};

/** The shortest session a broker with Kafka's default group.min.session.timeout.ms (6 s) accepts. */
export const BROKER_DEFAULT_MINIMUM: GroupTimeouts = {
  sessionTimeout: 6000,
  heartbeatInterval: 1000,
  rebalanceTimeout: 10_000,
  maxWaitTimeInMs: 1000,
};

/** Timeouts around a session of `sessionTimeout` ms: heartbeats and idle fetches at a sixth of it. */
export function groupTimeoutsFor(sessionTimeout: number): GroupTimeouts {
  const beat = Math.max(100, Math.round(sessionTimeout / 6));
  return {
    sessionTimeout,
    heartbeatInterval: beat,
    rebalanceTimeout: Math.max(10_000, sessionTimeout),
    maxWaitTimeInMs: beat,
  };
}

/**
 * Short, many retries, for the consumer and for the Kafka client it comes from (a kafkajs cluster
 * reconnects with the client's retry, not the consumer's): a consumer whose broker went away
 * notices its return within a second, not after kafkajs' back-off of up to 5 s and then a restart
 * delayed by as much again.
 */
export const CONSUMER_RETRY: RetryOptions = { initialRetryTime: 100, maxRetryTime: 1000, retries: 30 };

/** The broker refused the session timeout: it is below its group.min.session.timeout.ms. */
export function isSessionTimeoutRefused(err: unknown): boolean {
  // kafkajs wraps the broker's answer in retry and crash errors: look down the causes.
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++)
    if ((e as { type?: string }).type === 'INVALID_SESSION_TIMEOUT') return true;
  return false;
}

/**
 * kafkajs errors that only say the broker is away or still starting: kafkajs gives up on some of them
 * for good (no group coordinator yet, retries exhausted), but a consumer opened again a moment later
 * joins once the broker is back. Anything else (authorisation, configuration) stops the process.
 */
const BROKER_AWAY = new Set([
  'KafkaJSGroupCoordinatorNotFound',
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSBrokerNotFound',
  'KafkaJSNumberOfRetriesExceeded',
]);

export function isBrokerAway(err: unknown): boolean {
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++)
    if (BROKER_AWAY.has((e as Error).name)) return true;
  return false;
}
