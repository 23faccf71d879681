import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { parseEnv } from '@newsroom/settings';
import { dropBenchSchema, generate, rawRead, rebuild, type PhaseResult } from './bench-phases';

/**
 * `npm run bench:rebuild [-- --articles 50000 --events 20 --keep]`: 1,000,000 events in schema
 * bench_rebuild of DATABASE_URL (dropped afterwards unless --keep), the raw read rate (the
 * ceiling), then rebuilds of article_state and of all four read models. Each measured phase runs
 * in a process of its own, so its peak RSS is its own.
 */
const TARGET_EVENTS_PER_SECOND = 25_000;
const TARGET_PEAK_RSS_MB = 300;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
}

async function runPhase(phase: string, url: string): Promise<PhaseResult> {
  if (phase === 'raw-read') return rawRead(url);
  if (phase.startsWith('rebuild:')) return rebuild(url, phase.slice('rebuild:'.length));
  throw new Error(`unknown phase ${phase}`);
}

function inChild(phase: string): PhaseResult {
  const child = spawnSync(process.execPath, [__filename, '--phase', phase], {
    encoding: 'utf8',
    env: process.env,
    maxBuffer: 1 << 24,
  });
  if (child.status !== 0) throw new Error(`phase ${phase} failed: ${child.stderr.trim()}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!);
}

async function main() {
  const env = parseEnv();
  const phaseIndex = process.argv.indexOf('--phase');
  if (phaseIndex !== -1) {
    process.stdout.write(`${JSON.stringify(await runPhase(process.argv[phaseIndex + 1], env.DATABASE_URL))}\n`);
    return;
  }
  const articles = arg('articles', 50_000);
  const perArticle = arg('events', 20);
  process.stdout.write(`bench:rebuild: ${articles} articles × ${perArticle} events into schema bench_rebuild\n`);
  const gen = await generate(env.DATABASE_URL, articles, perArticle, (n) => {
    if (n % 100_000 === 0) process.stdout.write(`  generated ${n} events\n`);
  });
  process.stdout.write(`  ${gen.events} events written in ${gen.seconds.toFixed(1)} s\n\n`);
  const raw = inChild('raw-read');
  const rows: Array<[string, PhaseResult]> = [['raw read (ceiling)', raw]];
  rows.push(['rebuild article_state', inChild('rebuild:article_state')]);
  rows.push(['rebuild all (one pass)', inChild('rebuild:all')]);
  const rate = (r: PhaseResult) => r.events / r.seconds;
  process.stdout.write(
    `${'phase'.padEnd(26)}${'events'.padStart(10)}${'seconds'.padStart(10)}` +
      `${'events/s'.padStart(11)}${'vs raw'.padStart(9)}${'peak RSS'.padStart(11)}\n`,
  );
  for (const [name, r] of rows) {
    process.stdout.write(
      `${name.padEnd(26)}${String(r.events).padStart(10)}${r.seconds.toFixed(1).padStart(10)}` +
        `${Math.round(rate(r)).toLocaleString('en').padStart(11)}` +
        `${`${Math.round((100 * rate(r)) / rate(raw))}%`.padStart(9)}` +
        `${`${r.peakRssMb} MB`.padStart(11)}${r.detail ? `  (${r.detail})` : ''}\n`,
    );
  }
  if (!process.argv.includes('--keep')) await dropBenchSchema(env.DATABASE_URL);
  const state = rows[1][1];
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  const rateMet = verdict(rate(state) >= TARGET_EVENTS_PER_SECOND);
  process.stdout.write(
    `\narticle_state rebuild: ${Math.round(rate(state)).toLocaleString('en')} events/s ` +
      `(target ≥ ${TARGET_EVENTS_PER_SECOND.toLocaleString('en')}: ${rateMet}), ` +
      `peak RSS ${state.peakRssMb} MB ` +
      `(target < ${TARGET_PEAK_RSS_MB} MB: ${verdict(state.peakRssMb < TARGET_PEAK_RSS_MB)})\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:rebuild failed: ${(err as Error).message}\n`);
  process.exit(1);
});
