import 'reflect-metadata';
import { SingleBar, Presets } from 'cli-progress';
import { Command } from 'commander';
import { DataSource } from 'typeorm';
import { redactableFields } from '@newsroom/editorial-domain';
import { databaseConnectionOf, InvalidEnvironment } from '@newsroom/settings';
import {
  assertDatabaseReachable,
  dataSourceOptions,
  FieldCodec,
  loadMasterKey,
  PostgresFieldKeyStore,
} from '@newsroom/event-store';
import {
  READ_MODELS,
  readModelsNamed,
  openedHistory,
  rebuildProjections,
  type OpenEvents,
  type RebuildProgress,
} from '@newsroom/read-models';
import { projectorConfig } from './projector.config';

/** `npm run projections:rebuild -- <name|all>`: replays the event store into fresh tables, then switches. */
async function main(argv: string[]) {
  const program = new Command('projections:rebuild')
    .description('Rebuild read models from the event store while the live ones keep serving')
    .argument('<read-model>', `one of ${READ_MODELS.join(', ')}, or all`)
    .option(
      '--page-size <events>',
      'events per page and transaction (default: 5000 for one read model, fewer for several)',
      (v) => Number.parseInt(v, 10),
    )
    .showHelpAfterError();
  program.parse(argv);
  const names = readModelsNamed(program.args[0]);
  const { pageSize } = program.opts<{ pageSize?: number }>();
  const config = projectorConfig();
  const { env } = config;
  const masterKey = loadMasterKey(config.masterKey, (m) => process.stderr.write(`warning: ${m}\n`));
  // The projector's own tool: its role owns the read models a rebuild swaps.
  const db = databaseConnectionOf(env, 'projector');
  await assertDatabaseReachable(db.url, db.variable);
  const ds = new DataSource(dataSourceOptions({ url: db.url, schema: env.DATABASE_SCHEMA, poolSize: 8 }));
  await ds.initialize();
  // The replay reads events as stored; it opens their fields as the live consumers do (issue #12).
  const codec = new FieldCodec({ keys: new PostgresFieldKeyStore(ds), masterKey, redactableFields });
  const openEvents: OpenEvents = (events) => codec.decrypt(events);
  const bar = new SingleBar(
    {
      format: '{phase} |{bar}| {value}/{total} events | {rate} events/s | ETA {eta_formatted}',
      etaBuffer: 50,
      // In a log (no terminal) a line every few seconds rather than nothing.
      noTTYOutput: true,
      notTTYSchedule: 3000,
    },
    Presets.shades_classic,
  );
  const started = Date.now();
  let barStarted = false;
  const onProgress = (p: RebuildProgress) => {
    const rate = Math.round(p.events / Math.max((Date.now() - started) / 1000, 0.001));
    if (!barStarted) bar.start(p.total, 0, { phase: p.phase, rate });
    barStarted = true;
    bar.setTotal(p.total);
    bar.update(p.events, { phase: p.phase, rate });
  };
  try {
    const results = await rebuildProjections(ds, names, {
      onProgress,
      pageSize,
      openEvents,
      history: openedHistory(codec),
    });
    bar.stop();
    for (const r of results) {
      process.stdout.write(
        `${r.name}: ${r.events} events in ${r.seconds.toFixed(1)} s (${r.eventsPerSecond} events/s), ` +
          `content ${r.contentHash}${r.contentHash === r.replacedContentHash ? ' (same as the replaced build)' : ''}` +
          `${r.heldBackArticles ? `, ${r.heldBackArticles} article(s) held back` : ''}\n`,
      );
    }
  } finally {
    bar.stop();
    await ds.destroy();
  }
}

main(process.argv).catch((err: unknown) => {
  const message =
    err instanceof InvalidEnvironment ? err.message : `projections:rebuild failed: ${(err as Error).message}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
