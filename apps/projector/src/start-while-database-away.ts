import { isConnectionLost } from '@newsroom/event-store';

export type Pause = (ms: number) => Promise<void>;
const pause: Pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts the projector again while the database only cut or refused its connection (a failover, a
 * restart): a projector that exits then stops every process of `npm start` with it. Anything else,
 * a refused role or a missing table, still fails the start at once.
 */
export async function startWhileDatabaseAway<T>(
  start: () => Promise<T>,
  onRetry: (err: Error, attempt: number, retryInMs: number) => void,
  wait: Pause = pause,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start();
    } catch (err) {
      if (!isConnectionLost(err)) throw err;
      const retryInMs = Math.min(5000, 250 * 2 ** (attempt - 1));
      onRetry(err as Error, attempt, retryInMs);
      await wait(retryInMs);
    }
  }
}
