/**
 * kafkajs 2.2.4 keeps every broker connection's request queue spinning while it has nothing to
 * send: `scheduleCheckPendingRequests` sets a timer of `throttledUntil - now`, negative when not
 * throttled, so each connection runs a 1 ms timer forever (upstream issues #1556 and #1704, fix
 * proposed in pull request #1667, never released; kafkajs has had no release since 2.2.4). An idle
 * projector spent most of its CPU there. The fix below schedules a check only for requests that
 * wait: a request pushed later schedules its own check, and a fulfilled or timed-out request checks
 * the queue, as before. Applied once, to the version it was written for.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const RequestQueue = require('kafkajs/src/network/requestQueue') as { prototype: QueueInternals };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { version } = require('kafkajs/package.json') as { version: string };

interface QueueInternals {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
  scheduleCheckPendingRequests(): void;
  [FIXED]?: true;
}

/** kafkajs's own interval for a queue held back by in-flight limits rather than throttling. */
const CHECK_PENDING_REQUESTS_INTERVAL = 10;
const FIXED = Symbol.for('newsroom.kafkajs-idle-loop-fix');
export const KAFKAJS_IDLE_LOOP_FIXED_IN = '2.2.4';

export function fixKafkajsIdleLoop(): boolean {
  const proto = RequestQueue.prototype;
  if (proto[FIXED]) return true;
  if (version !== KAFKAJS_IDLE_LOOP_FIXED_IN) return false; // another kafkajs: look at its code again
  proto.scheduleCheckPendingRequests = function scheduleCheckPendingRequests(this: QueueInternals) {
    if (this.throttleCheckTimeoutId || this.pending.length === 0) return;
    const throttled = this.throttledUntil - Date.now();
    this.throttleCheckTimeoutId = setTimeout(
      () => {
        this.throttleCheckTimeoutId = null;
        this.checkPendingRequests();
      },
      throttled > 0 ? throttled : CHECK_PENDING_REQUESTS_INTERVAL,
    );
  };
  proto[FIXED] = true;
  return true;
}

fixKafkajsIdleLoop();
