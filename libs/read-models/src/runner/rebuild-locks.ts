import type { DataSource } from 'typeorm';
import type { ReadModelName } from './projection';
import { RebuildInProgress } from './runner.errors';

/**
 * Session advisory locks, one per read model, on a connection kept for the whole rebuild: a second
 * rebuild of the same read model (another process, another API instance) is refused, not queued.
 * Returns the release.
 */
export async function holdRebuildLocks(ds: DataSource, names: readonly ReadModelName[]): Promise<() => Promise<void>> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  const taken: ReadModelName[] = [];
  const release = async () => {
    for (const name of taken) {
      await runner
        .query(`SELECT pg_advisory_unlock(hashtext(current_schema()), hashtext('rebuild:' || $1))`, [name])
        .catch(() => undefined);
    }
    await runner.release();
  };
  for (const name of names) {
    const [{ ok }] = await runner.query(
      `SELECT pg_try_advisory_lock(hashtext(current_schema()), hashtext('rebuild:' || $1)) AS ok`,
      [name],
    );
    if (!ok) {
      await release();
      throw new RebuildInProgress(name);
    }
    taken.push(name);
  }
  return release;
}
