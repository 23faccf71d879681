import type { DataSource } from 'typeorm';
import type { ReadModelName } from './projection';
import { RebuildInProgress } from './runner.errors';

/** The advisory lock's two keys for a read model, as SQL over an expression naming it. */
const lockKeys = (nameSql: string) => `hashtext(current_schema()), hashtext('rebuild:' || ${nameSql})`;

/**
 * SQL: whether some session holds the rebuild lock of the read model `nameSql` names. A rebuild
 * whose process died released it with its connection, while its last progress still says running.
 */
export function rebuildLockHeld(nameSql: string): string {
  // pg_locks shows a lock on two int4 keys as classid and objid, each as the unsigned 32-bit oid.
  const oid = (key: string) => `(${key}::bigint & 4294967295)::oid`;
  return `EXISTS (SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
    AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
    AND l.classid = ${oid('hashtext(current_schema())')}
    AND l.objid = ${oid(`hashtext('rebuild:' || ${nameSql})`)})`;
}

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
      await runner.query(`SELECT pg_advisory_unlock(${lockKeys('$1')})`, [name]).catch(() => undefined);
    }
    await runner.release();
  };
  for (const name of names) {
    const [{ ok }] = await runner.query(`SELECT pg_try_advisory_lock(${lockKeys('$1')}) AS ok`, [name]);
    if (!ok) {
      await release();
      throw new RebuildInProgress(name);
    }
    taken.push(name);
  }
  return release;
}
