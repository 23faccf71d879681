import { isBrokerAway } from './group-timeouts';

export interface ReopenSettings {
  /** Opens the consumer again: connect, subscribe, run. */
  open: () => Promise<void>;
  /** False once the consumer is stopping or was replaced: the attempts end quietly. */
  wanted: () => boolean;
  onFatal?: (err: Error) => void;
  onRetry?: (err: Error, attempt: number, retryInMs: number) => void;
  firstDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * Opens a crashed consumer again, for as long as the broker is only away. A broker down for longer
 * than kafkajs' retries fails the reopen itself (the connection is refused again); that attempt is
 * not a reason to stop the projector (under `npm start`, one process stopping stops them all), so
 * it is retried with a growing delay. Anything else, such as refused credentials, stays fatal.
 */
export function reopenWhileBrokerAway(s: ReopenSettings, attempt = 1): void {
  const delay = Math.min(s.maxDelayMs ?? 5000, (s.firstDelayMs ?? 500) * 2 ** (attempt - 1));
  setTimeout(() => {
    if (!s.wanted()) return;
    s.open().catch((err: Error) => {
      if (!s.wanted()) return;
      if (!isBrokerAway(err)) return s.onFatal?.(err);
      s.onRetry?.(err, attempt, delay);
      reopenWhileBrokerAway(s, attempt + 1);
    });
  }, delay);
}
