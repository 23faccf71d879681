import type { DataSource, EntityManager } from 'typeorm';
import type { Projection } from './projection';

/**
 * Fresh, empty twins of a read model's tables: same columns, defaults, constraints and indexes.
 * Plain (non-unique) indexes are dropped for the replay and built once at the end by
 * indexRebuildTables, which is far cheaper than maintaining them row by row.
 */
export async function createRebuildTables(ds: DataSource, p: Projection): Promise<void> {
  for (const name of p.tables) {
    await ds.query(`DROP TABLE IF EXISTS ${name}__rebuild`);
    await ds.query(`CREATE TABLE ${name}__rebuild (LIKE ${name} INCLUDING ALL)`);
    await copyAccess(ds, name, `${name}__rebuild`);
    for (const index of await plainIndexesOf(ds, `${name}__rebuild`)) await ds.query(`DROP INDEX "${index.name}"`);
  }
}

/**
 * The live table's grants and owner onto its twin (LIKE copies neither): the table swapped in is as
 * readable for the API, and as rebuildable for the projector, as the one it replaces. Grants first,
 * while the twin is still the creator's to grant on.
 */
async function copyAccess(ds: DataSource, live: string, twin: string): Promise<void> {
  const statements: Array<{ sql: string }> = await ds.query(
    `SELECT sql FROM (
       SELECT 1 AS step, format('GRANT %s ON TABLE %I TO %s', a.privilege_type, $2::text,
                CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END) AS sql
       FROM pg_class c, aclexplode(c.relacl) a WHERE c.oid = $1::regclass AND a.grantee <> c.relowner
       UNION ALL
       SELECT 2, format('ALTER TABLE %I OWNER TO %I', $2::text, pg_get_userbyid(c.relowner))
       FROM pg_class c WHERE c.oid = $1::regclass AND pg_get_userbyid(c.relowner) <> current_user
     ) s ORDER BY step`,
    [live, twin],
  );
  for (const { sql } of statements) await ds.query(sql);
}

/** Builds on each twin the plain indexes its live table has. */
export async function indexRebuildTables(ds: DataSource, p: Projection): Promise<void> {
  for (const name of p.tables) {
    for (const index of await plainIndexesOf(ds, name)) {
      await ds.transaction(async (m) => {
        await m.query(`SET LOCAL maintenance_work_mem = '256MB'`);
        await m.query(index.def.replace(/^CREATE INDEX \S+ ON (?:ONLY )?\S+ /, `CREATE INDEX ON ${name}__rebuild `));
      });
    }
  }
}

export async function dropRebuildTables(ds: DataSource, p: Projection): Promise<void> {
  for (const name of p.tables) await ds.query(`DROP TABLE IF EXISTS ${name}__rebuild`);
}

/**
 * Puts the rebuilt tables in place of the live ones, inside the caller's transaction: readers see
 * the old tables until it commits and the new ones after, never a mix. The rebuilt indexes take the
 * live ones' names, so later migrations that name an index still find it.
 */
export async function swapTables(m: EntityManager, p: Projection): Promise<void> {
  const names = p.tables;
  await m.query(`SET LOCAL lock_timeout = '3s'`);
  await m.query(`LOCK TABLE ${names.join(', ')} IN ACCESS EXCLUSIVE MODE`);
  for (const name of names) {
    const renames = pairIndexes(await indexesOf(m, name), await indexesOf(m, `${name}__rebuild`));
    await m.query(`ALTER TABLE ${name} RENAME TO ${name}__old`);
    await m.query(`ALTER TABLE ${name}__rebuild RENAME TO ${name}`);
    await m.query(`DROP TABLE ${name}__old`);
    for (const [from, to] of renames) await m.query(`ALTER INDEX "${from}" RENAME TO "${to}"`);
  }
}

interface IndexDef {
  name: string;
  def: string;
}

async function indexesOf(m: EntityManager | DataSource, table: string): Promise<IndexDef[]> {
  return m.query(
    `SELECT c.relname AS name, pg_get_indexdef(c.oid) AS def
     FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = $1::regclass ORDER BY c.relname`,
    [table],
  );
}

async function plainIndexesOf(m: EntityManager | DataSource, table: string): Promise<IndexDef[]> {
  return (await indexesOf(m, table)).filter((i) => i.def.startsWith('CREATE INDEX '));
}

/** [rebuilt index, live name to give it], matched on the definition with index and table names left out. */
export function pairIndexes(live: IndexDef[], rebuilt: IndexDef[]): Array<[string, string]> {
  const shape = (def: string) => def.replace(/^(CREATE (?:UNIQUE )?INDEX )\S+ ON (?:ONLY )?\S+ /, '$1');
  const pool = rebuilt.map((r) => ({ ...r, shape: shape(r.def) }));
  const pairs: Array<[string, string]> = [];
  for (const l of live) {
    const i = pool.findIndex((r) => r.shape === shape(l.def));
    if (i === -1) throw new Error(`rebuilt table has no index like ${l.name}`);
    pairs.push([pool[i].name, l.name]);
    pool.splice(i, 1);
  }
  return pairs;
}
