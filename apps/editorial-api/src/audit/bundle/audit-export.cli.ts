import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { DataSource } from 'typeorm';
import { dataSourceOptions, sequenceAndSign, verifierKeyOf } from '@newsroom/event-store';
import { allMigrations } from '@newsroom/read-models';
import { auditLogSettings, envSchema, parseSettings } from '@newsroom/settings';
import { loadAuditSigner } from '../transparency/audit-signing-key';
import { buildAuditBundle, type BundleScope } from './audit-bundle';

// npm run audit:export -- --article <id> --out <dir>   (or --since <instant>)
// Writes the same files as GET /api/audit/bundle, as a directory, after signing a checkpoint that
// covers every stored event. Then: node <dir>/verify-bundle.mjs <dir> --key "<pinned verifier key>".

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function main(): Promise<void> {
  const opts = new Command('audit:export')
    .option('--article <id>', 'one article', (v) => {
      if (!UUID.test(v)) throw new InvalidArgumentError('must be an article id (a UUID)');
      return v.toLowerCase();
    })
    .option('--since <instant>', 'every article with an event at or after this ISO-8601 instant', (v) => {
      if (Number.isNaN(Date.parse(v))) throw new InvalidArgumentError('must be an ISO-8601 instant');
      return new Date(v).toISOString();
    })
    .requiredOption('--out <dir>', 'the directory to write the bundle to')
    .parse()
    .opts<{ article?: string; since?: string; out: string }>();
  if (!opts.article === !opts.since) throw new Error('give exactly one of --article and --since');
  const env = parseSettings(envSchema.extend(auditLogSettings));
  const signer = loadAuditSigner(env, (m) => process.stderr.write(`warning: ${m}\n`));
  const ds = new DataSource(
    dataSourceOptions({ url: env.DATABASE_URL, schema: env.DATABASE_SCHEMA, migrations: allMigrations }),
  );
  await ds.initialize();
  try {
    await sequenceAndSign(ds, signer);
    const scope: BundleScope = opts.article ? { articleId: opts.article } : { since: opts.since! };
    const bundle = await buildAuditBundle(ds, verifierKeyOf(signer), scope);
    for (const [name, text] of Object.entries(bundle.files)) {
      mkdirSync(dirname(join(opts.out, name)), { recursive: true });
      writeFileSync(join(opts.out, name), text);
    }
    process.stdout.write(`${bundle.name} written to ${opts.out}\n`);
  } finally {
    await ds.destroy();
  }
}

main().catch((err: Error) => {
  process.stderr.write(`audit:export failed: ${err.message}\n`);
  process.exit(1);
});
