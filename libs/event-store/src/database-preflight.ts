import { Client } from 'pg';

/**
 * Connects once before an app starts, so an unreachable or misnamed database is one clear line
 * for the operator instead of an ORM's retry loop and stack traces.
 */
export async function assertDatabaseReachable(url: string, variable = 'DATABASE_URL', timeoutMs = 5000): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  const where = (() => {
    try {
      const u = new URL(url);
      return `${u.hostname}:${u.port || 5432}${u.pathname}`;
    } catch {
      return variable;
    }
  })();
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (err) {
    throw new Error(`cannot reach PostgreSQL at ${where} (${variable}): ${(err as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
