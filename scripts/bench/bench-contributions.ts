import { randomUUID } from 'node:crypto';
import type { Actor } from '@newsroom/editorial-domain';
import { PostgresEventStore } from '@newsroom/event-store';
import { ArticleCommandRunner } from '../../apps/editorial-api/src/articles/shared/article-command.runner';
import { ContributionCommandRunner } from '../../apps/editorial-api/src/contributions/shared/contribution-command.runner';
import type { AppConfig } from '../../apps/editorial-api/src/config/app-config';
import { fmt, freshSchema, percentile } from './bench-support';

/**
 * bench:contributions — accept → merged lag at a steady 50 accepts/s, beside the article command
 * path (ReviseArticle at the same rate) in the same run, on the same PostgreSQL. Open loop: each
 * command is due at its slot, and its lag counts from the slot, so queueing behind a slow one shows.
 * An accept is merged when it returns: both streams are appended in one transaction.
 */
const RATE = Number(process.env.BENCH_RATE ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10);

const person = (role: Actor['role'], name: string): Actor => ({ id: randomUUID(), name, role, roles: [role] });
const editor = person('editor', 'Eda Editor');
const reporter = person('reporter', 'Rey Reporter');

async function openLoop(n: number, run: (i: number) => Promise<unknown>): Promise<number[]> {
  const start = performance.now();
  const lags: number[] = [];
  await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const due = start + (i * 1000) / RATE;
      await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
      await run(i);
      lags.push(performance.now() - due);
    }),
  );
  return lags.sort((a, b) => a - b);
}

async function main() {
  const ds = await freshSchema('bench_contributions');
  const store = new PostgresEventStore(ds);
  const config = { env: { FOUR_EYES_APPROVAL: true } } as unknown as AppConfig;
  const articles = new ArticleCommandRunner(store, config);
  const contributions = new ContributionCommandRunner(store, config);
  const total = RATE * SECONDS;

  const draft = async () => {
    const articleId = randomUUID();
    const data = { headline: 'Bench', body: [{ type: 'paragraph' as const, text: 'First.' }] };
    await articles.run({ type: 'DraftArticle', articleId, data }, editor, { minted: {} });
    return articleId;
  };
  const targets = await Promise.all(Array.from({ length: ARTICLES }, draft));
  const edited = await Promise.all(Array.from({ length: ARTICLES }, draft));
  const submitted: string[] = [];
  for (let i = 0; i < total; i++) {
    const contributionId = randomUUID();
    const data = {
      articleId: targets[i % ARTICLES]!,
      blocks: [{ type: 'paragraph' as const, text: `Contribution ${i}.` }],
      photos: [],
      note: '',
      credit: { name: `Reporter ${i}`, role: 'contributor' as const },
    };
    await contributions.run({ type: 'SubmitContribution', contributionId, data }, reporter);
    submitted.push(contributionId);
  }
  console.log(`${total} contributions on ${ARTICLES} articles; ${RATE}/s of each command for ${SECONDS} s`);

  const [accepts, revisions] = await Promise.all([
    openLoop(total, (i) =>
      contributions.run({ type: 'AcceptContribution', contributionId: submitted[i]!, data: {} }, editor),
    ),
    openLoop(total, (i) =>
      articles.run(
        { type: 'ReviseArticle', articleId: edited[i % ARTICLES]!, data: { headline: `Bench ${i}` } },
        editor,
        {
          minted: {},
        },
      ),
    ),
  ]);
  const merged = await ds.query(`SELECT count(*)::int AS n FROM events WHERE type = 'ContributionMerged'`);
  const row = (name: string, lags: number[]) =>
    `${name.padEnd(34)} p50 ${fmt(percentile(lags, 50)).padStart(7)} ms   p99 ${fmt(percentile(lags, 99)).padStart(7)} ms`;
  console.log(row('accept -> merged (durable)', accepts));
  console.log(row('ReviseArticle (baseline, same run)', revisions));
  console.log(
    `ratio accept/revise: p50 ${fmt(percentile(accepts, 50) / percentile(revisions, 50), 2)}x, ` +
      `p99 ${fmt(percentile(accepts, 99) / percentile(revisions, 99), 2)}x; merges stored: ${merged[0].n} of ${total}`,
  );
  await ds.destroy();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
