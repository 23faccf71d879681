import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { liveTables, type ReadModelName, type TableNames } from './projection';
import { PROJECTIONS } from './read-model.writers';

/**
 * A digest of everything a read model stores: two builds are equal when their hashes are. Each
 * row is hashed on its own and the hashes are summed with the row count: tables with a primary key
 * are sets, so no ORDER BY (and no sort of a million rows) is needed, and memory stays constant.
 */
export async function contentHash(
  m: EntityManager | DataSource,
  readModel: ReadModelName,
  t: TableNames = liveTables,
): Promise<string> {
  const digest = createHash('md5');
  for (const name of PROJECTIONS[readModel].tables) {
    const [{ h }] = await m.query(
      `SELECT count(*) || ':' || COALESCE(sum(('x' || substr(md5(x::text), 1, 15))::bit(60)::bigint), 0) AS h
       FROM ${t(name)} x`,
    );
    digest.update(`${name}:${h}\n`);
  }
  return digest.digest('hex');
}
