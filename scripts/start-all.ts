import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm start` for a newcomer: the API, the outbox relay and the projector in one terminal.
 * In production each runs on its own (`npm run start:<app>:prod`) and scales separately.
 */
const apps = ['editorial-api', 'outbox-relay', 'projector'].filter((app) =>
  existsSync(join(__dirname, '..', 'apps', app, 'src', 'main.js')),
);
const children = new Map<string, ChildProcess>();
let stopping = false;

function stopAll(code: number) {
  if (stopping) return;
  stopping = true;
  for (const child of children.values()) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 10_000).unref();
}

for (const app of apps) {
  const child = spawn(process.execPath, [join(__dirname, '..', 'apps', app, 'src', 'main.js')], {
    stdio: 'inherit',
    env: process.env,
  });
  children.set(app, child);
  child.on('exit', (code, signal) => {
    children.delete(app);
    if (!stopping) {
      process.stderr.write(`${app} stopped (${signal ?? code}); stopping the others\n`);
      stopAll(code || 1);
    }
    if (children.size === 0) process.exit(stopping ? 0 : code || 1);
  });
}
process.stdout.write(`Newsroom: ${apps.join(', ')} starting; API on http://localhost:${process.env.PORT ?? 3000}\n`);
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
