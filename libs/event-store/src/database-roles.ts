import { escapeIdentifier as id, escapeLiteral as literal } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_PROCESSES, type AppProcess } from '@newsroom/settings';

export type TablePrivilege = 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE';

/** Who may do what with one table. The owner (who runs the migrations) is implied and never listed. */
export interface TableAccess {
  /** Read-model tables the projector rebuilds: swapping them in needs their ownership. */
  ownedBy?: 'projector';
  grants: Partial<Record<AppProcess, readonly TablePrivilege[]>>;
}

/**
 * A function of the schema, by its signature (`name(argument types)`), that runs with its owner's
 * rights (SECURITY DEFINER): who may call it. Nobody else may, PUBLIC included.
 */
export interface RoutineAccess {
  routine: true;
  grants: Partial<Record<AppProcess, readonly 'EXECUTE'[]>>;
}

/** Every table of the system by name, and the owner's functions others may call; left out is the owner's alone. */
export type DatabasePrivileges = Readonly<Record<string, TableAccess | RoutineAccess>>;

const isRoutine = (a: TableAccess | RoutineAccess | undefined): a is RoutineAccess => a !== undefined && 'routine' in a;

/** Each process's role name; a process that connects as the owner is left out. */
export type AppRoles = Partial<Record<AppProcess, string>>;

export class DatabaseRoleRefused extends Error {}

type Db = DataSource | EntityManager;

const ATTRIBUTES = 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOREPLICATION';

/**
 * Makes sure each process's role exists as a plain login (no superuser, no role or database creation,
 * no RLS bypass, no replication), with the password its URL carries. Roles are cluster-wide: a migrator
 * that may create roles creates them; one that may not needs them created by the admin (README) and
 * only checks them here. Either way a role with more powers than a login is refused, never used.
 */
export async function ensureAppRoles(db: Db, logins: ReadonlyArray<{ role: string; password?: string }>) {
  const [me] = await db.query(
    `SELECT rolsuper AS super, rolcreaterole AS createrole FROM pg_roles WHERE rolname = current_user`,
  );
  const canManage: boolean = me.super || me.createrole;
  for (const { role, password } of logins) {
    let found = await attributesOf(db, role);
    if (!found) {
      if (!canManage) {
        throw new DatabaseRoleRefused(
          `role ${role} does not exist and ${await currentUser(db)} may not create roles: ` +
            `an admin creates it (README, "Database roles")`,
        );
      }
      await db.query(`CREATE ROLE ${id(role)} ${ATTRIBUTES}`).catch((err) => {
        // Another migrator (a parallel test suite, another checkout) created it first.
        if (!['42710', '23505'].includes(err.driverError?.code ?? err.code)) throw err;
      });
      found = await attributesOf(db, role);
    }
    if (!found?.plain) {
      if (!canManage || (found?.super && !me.super)) {
        throw new DatabaseRoleRefused(`role ${role} must be ${ATTRIBUTES} (README, "Database roles")`);
      }
      await db.query(`ALTER ROLE ${id(role)} ${ATTRIBUTES}`);
    }
    if (password && canManage) await db.query(`ALTER ROLE ${id(role)} PASSWORD ${literal(password)}`);
  }
}

/**
 * Applies `privileges` to the tables of the current schema (the one the migrations ran in): USAGE on
 * the schema for each role, CREATE for the projector's rebuild twins, ownership of the rebuilt read
 * models to the projector, and on every other table exactly the listed grants (anything else an app
 * role held is revoked, so a narrowed list narrows the database). In one transaction, and idempotent:
 * `npm run migrate` applies it after the migrations every time. Returns the tables no entry covers.
 */
export async function grantAppRoles(ds: DataSource, roles: AppRoles, privileges: DatabasePrivileges) {
  const appRoles = [...processesByRole(roles).keys()];
  return ds.transaction(async (m) => {
    const [{ schema }] = await m.query(`SELECT current_schema() AS schema`);
    // Nobody but the owner and the roles granted it below creates objects in the schema.
    await m.query(`REVOKE CREATE ON SCHEMA ${id(schema)} FROM PUBLIC`);
    for (const role of appRoles) await m.query(`GRANT USAGE ON SCHEMA ${id(schema)} TO ${id(role)}`);
    if (roles.projector) {
      await m.query(`GRANT CREATE ON SCHEMA ${id(schema)} TO ${id(roles.projector)}`);
      // A migrator that is not a superuser hands the read models over, and alters them later, as a member.
      const [{ member }] = await m.query(`SELECT pg_has_role(current_user, $1, 'USAGE') AS member`, [roles.projector]);
      if (!member) await m.query(`GRANT ${id(roles.projector)} TO CURRENT_USER`);
    }
    const tables: Array<{ name: string; owner: string }> = await m.query(
      `SELECT c.relname AS name, pg_get_userbyid(c.relowner) AS owner FROM pg_class c
       WHERE c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
         AND c.relkind IN ('r', 'p', 'v', 'm')
       ORDER BY c.relname`,
    );
    const undeclared: string[] = [];
    for (const table of tables) {
      // A rebuild's twins come and go with it, with the grants of the table they replace (table-swap.ts).
      if (/__(rebuild|old)$/.test(table.name)) continue;
      const declared = privileges[table.name];
      const access = isRoutine(declared) ? undefined : declared;
      if (!access) undeclared.push(table.name);
      const owner = access?.ownedBy ? roles[access.ownedBy] : undefined;
      if (owner && table.owner !== owner) {
        await m.query(`ALTER TABLE ${id(table.name)} OWNER TO ${id(owner)}`);
      } else if (!owner && appRoles.includes(table.owner)) {
        await m.query(`ALTER TABLE ${id(table.name)} OWNER TO CURRENT_USER`);
      }
      for (const [role, apps] of processesByRole(roles)) {
        if (role === owner) continue;
        await m.query(`REVOKE ALL ON TABLE ${id(table.name)} FROM ${id(role)}`);
        const granted = [...new Set(apps.flatMap((app) => access?.grants[app] ?? []))];
        if (granted.length > 0) {
          await m.query(`GRANT ${granted.join(', ')} ON TABLE ${id(table.name)} TO ${id(role)}`);
        }
        await grantSequencesOf(m, table.name, role, granted.includes('INSERT'));
      }
    }
    await grantRoutines(m, roles, privileges);
    return undeclared;
  });
}

/** EXECUTE on the owner's functions to exactly the roles listed; one the migrations did not create is skipped. */
async function grantRoutines(m: EntityManager, roles: AppRoles, privileges: DatabasePrivileges): Promise<void> {
  for (const [signature, access] of Object.entries(privileges)) {
    if (!isRoutine(access)) continue;
    const [{ exists }] = await m.query(`SELECT to_regprocedure($1) IS NOT NULL AS exists`, [signature]);
    if (!exists) continue;
    await m.query(`REVOKE ALL ON FUNCTION ${signature} FROM PUBLIC`);
    for (const [role, apps] of processesByRole(roles)) {
      await m.query(`REVOKE ALL ON FUNCTION ${signature} FROM ${id(role)}`);
      if (apps.some((app) => access.grants[app]?.includes('EXECUTE'))) {
        await m.query(`GRANT EXECUTE ON FUNCTION ${signature} TO ${id(role)}`);
      }
    }
  }
}

/** Two processes may share a role: it gets what either needs. */
function processesByRole(roles: AppRoles): Map<string, AppProcess[]> {
  const byRole = new Map<string, AppProcess[]>();
  for (const app of APP_PROCESSES) {
    const role = roles[app];
    if (role) byRole.set(role, [...(byRole.get(role) ?? []), app]);
  }
  return byRole;
}

/** The sequences behind a table's serial columns: usable by exactly the roles that may insert. */
async function grantSequencesOf(m: EntityManager, table: string, role: string, inserts: boolean): Promise<void> {
  const sequences: Array<{ name: string }> = await m.query(
    `SELECT s.relname AS name FROM pg_depend d JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
     WHERE d.refobjid = $1::regclass AND d.deptype IN ('a', 'i')`,
    [id(table)],
  );
  for (const { name } of sequences) {
    await m.query(`REVOKE ALL ON SEQUENCE ${id(name)} FROM ${id(role)}`);
    if (inserts) await m.query(`GRANT USAGE ON SEQUENCE ${id(name)} TO ${id(role)}`);
  }
}

async function attributesOf(db: Db, role: string): Promise<{ plain: boolean; super: boolean } | undefined> {
  const [row] = await db.query(
    `SELECT rolsuper AS super,
            rolcanlogin AND NOT (rolsuper OR rolcreaterole OR rolcreatedb OR rolbypassrls OR rolreplication) AS plain
     FROM pg_roles WHERE rolname = $1`,
    [role],
  );
  return row;
}

async function currentUser(db: Db): Promise<string> {
  const [{ name }] = await db.query(`SELECT current_user AS name`);
  return name;
}
