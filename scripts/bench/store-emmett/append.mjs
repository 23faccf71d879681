// bench:store's Emmett side, in a process and a package of its own: Emmett's peer dependency on
// commander 12 cannot share the project's node_modules (commander 14). Usage:
//   node append.mjs <postgres url> <clients> <seconds> <events per stream> <payload chars>
// Prints one JSON line: { appends, seconds, p50Ms, p99Ms }.
import { randomUUID } from 'node:crypto';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';

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

await store.schema.migrate();
await run(1000); // warm-up: JIT, pool, the schema's first use
const latencies = [];
const started = performance.now();
const appends = await run(Number(seconds) * 1000, latencies);
const elapsed = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const at = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
process.stdout.write(JSON.stringify({ appends, seconds: elapsed, p50Ms: at(0.5), p99Ms: at(0.99) }) + '\n');
await store.close();
