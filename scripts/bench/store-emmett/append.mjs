// bench:store's Emmett side, in a process and a package of its own: Emmett's peer dependency on
// commander 12 cannot share the project's node_modules (commander 14). Usage:
//   node append.mjs <postgres url> <clients> <seconds> <events per stream> <payload chars>
// Prints one JSON line: { appends, seconds, p50Ms, p99Ms, cpuMsPerAppend }, the CPU being this
// process's and that of the PostgreSQL backends serving it (named by the URL's application_name).
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import pg from 'pg';

const [url, clients, seconds, perStream, payloadChars] = process.argv.slice(2);
const store = getPostgreSQLEventStore(url);
const body = 'x'.repeat(Number(payloadChars));

// Each client appends to a stream of its own, moving to a new one every `perStream` events, with the
// expected version it tracks itself: the same concurrency check as ours, without the read.
async function client(deadline, latencies) {
  let stream = `bench-${randomUUID()}`;
  let version = 0n;
  let appends = 0;
  while (performance.now() < deadline) {
    const t = performance.now();
    const result = await store.appendToStream(stream, [{ type: 'NoteAdded', data: { body, n: Number(version) } }], {
      expectedStreamVersion: version === 0n ? undefined : version,
    });
    latencies?.push(performance.now() - t);
    version = result.nextExpectedStreamVersion;
    appends++;
    if (version >= BigInt(perStream)) {
      stream = `bench-${randomUUID()}`;
      version = 0n;
    }
  }
  return appends;
}

async function run(ms, latencies) {
  const deadline = performance.now() + ms;
  const counts = await Promise.all(Array.from({ length: Number(clients) }, () => client(deadline, latencies)));
  return counts.reduce((a, b) => a + b, 0);
}

// CPU ms of the backends named by the URL, from /proc (utime + stime, in ticks of 10 ms).
const admin = new pg.Client({ connectionString: url, application_name: 'bench-store-emmett-admin' });
async function backendCpuMs() {
  const app = new URL(url).searchParams.get('application_name');
  const { rows } = await admin.query(`SELECT pid FROM pg_stat_activity WHERE application_name = $1`, [app]);
  const cpu = new Map();
  for (const { pid } of rows) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.length > 13) cpu.set(pid, (Number(fields[11]) + Number(fields[12])) * 10);
  }
  return cpu;
}

await admin.connect();
await store.schema.migrate();
await run(1000); // warm-up: JIT, pool, the schema's first use
const latencies = [];
const [process0, backends0] = [process.cpuUsage(), await backendCpuMs()];
const started = performance.now();
const appends = await run(Number(seconds) * 1000, latencies);
const elapsed = (performance.now() - started) / 1000;
const own = process.cpuUsage(process0);
let cpuMs = (own.user + own.system) / 1000;
for (const [pid, ms] of await backendCpuMs()) cpuMs += ms - (backends0.get(pid) ?? 0);
latencies.sort((a, b) => a - b);
const at = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
const result = { appends, seconds: elapsed, p50Ms: at(0.5), p99Ms: at(0.99), cpuMsPerAppend: cpuMs / appends };
process.stdout.write(JSON.stringify(result) + '\n');
await admin.end();
await store.close();
