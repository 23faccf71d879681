import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { loadMasterKey } from '@newsroom/event-store';
import { DATABASE_URL_VARIABLES, parseEnv, roleDatabaseUrls } from '@newsroom/settings';
import { NODE_ARGS, SYSTEM_PROCESSES } from './system-processes';

/**
 * `npm start` for a newcomer: the API, the outbox relay and the projector in one terminal.
 * In production each runs on its own (`npm run start:<app>:prod`) and scales separately.
 */
const processes = SYSTEM_PROCESSES.filter((p) => existsSync(join(__dirname, '..', 'apps', p.app, 'src', 'main.js')));
// Without JWT_SECRET (outside production), every process of this start shares one generated secret,
// so a token works on every API instance; it dies with them.
const sharedEnv: Record<string, string> = process.env.JWT_SECRET ? {} : { JWT_SECRET: randomBytes(32).toString('hex') };
// One master key for every process, the one kept in the data folder when NEWSROOM_MASTER_KEY is not set
// (generated on the first start): not a fresh one per start, which would lose what was encrypted.
const masterKey = (() => {
  try {
    const warn = (m: string) => process.stderr.write(`${m}\n`);
    const key = loadMasterKey({ ...process.env, dataDir: process.env.AUDIT_DATA_DIR ?? '.data' }, warn);
    return key.toString('base64');
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    return process.exit(1);
  }
})();
sharedEnv.NEWSROOM_MASTER_KEY = masterKey;
const children = new Map<string, ChildProcess>();
let stopping = false;

// Each process connects as its own role, set up by `npm run migrate` (prestart); the owner's URL stays
// here. The API also gets the projector's, for the admin's rebuild (see read-model-rebuilds.ts).
const roleUrls = (() => {
  try {
    return roleDatabaseUrls(parseEnv());
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    return process.exit(1);
  }
})();
const databaseEnv: Record<string, Record<string, string>> = {
  'editorial-api': {
    [DATABASE_URL_VARIABLES.api]: roleUrls.api,
    [DATABASE_URL_VARIABLES.projector]: roleUrls.projector,
  },
  'outbox-relay': { [DATABASE_URL_VARIABLES.relay]: roleUrls.relay },
  projector: { [DATABASE_URL_VARIABLES.projector]: roleUrls.projector },
};
const { DATABASE_URL: _ownerUrl, ...childEnv } = process.env;

// A person at a terminal reads coloured lines, each with its process's name; anything else (a file, a
// log shipper) gets JSON lines whose `app` field names the process. The children's stdout is this
// terminal, so they decide alike; LOG_NAME tells them which of the four they are.
const terminal = process.stdout.isTTY === true && process.env.NODE_ENV !== 'production';
const COLOURS = [36, 33, 35, 32];
const label = (name: string, i: number) => (terminal ? `\x1b[${COLOURS[i % 4]}m${name}\x1b[0m` : name);

/** What a child writes to stderr (a one-line start-up refusal, a crash) comes out labelled with its name. */
function labelStderr(child: ChildProcess, name: string, i: number) {
  createInterface({ input: child.stderr! }).on('line', (line) => process.stderr.write(`${label(name, i)} ${line}\n`));
}

function stopAll(code: number) {
  if (stopping) return;
  stopping = true;
  for (const child of children.values()) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 10_000).unref();
}

for (const [i, { name, app, env }] of processes.entries()) {
  const child = spawn(process.execPath, [...NODE_ARGS[app], join(__dirname, '..', 'apps', app, 'src', 'main.js')], {
    stdio: ['inherit', 'inherit', 'pipe'],
    env: { ...childEnv, ...sharedEnv, ...databaseEnv[app], LOG_NAME: name, ...env },
  });
  labelStderr(child, name, i);
  children.set(name, child);
  child.on('exit', (code, signal) => {
    children.delete(name);
    if (!stopping) {
      process.stderr.write(`${name} stopped (${signal ?? code}); stopping the others\n`);
      stopAll(code || 1);
    }
    if (children.size === 0) process.exit(stopping ? 0 : code || 1);
  });
}
process.stdout.write(
  `Newsroom: ${processes.map((p) => p.name).join(', ')} starting; API on http://localhost:${process.env.PORT ?? 3000}\n`,
);
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
