import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import {
  articleDecider,
  articleStreamId,
  contributionDecider,
  contributionStreamId,
  decideAcceptance,
  type Actor,
  type ArticleCommand,
  type ContributionCommand,
} from '@newsroom/editorial-domain';
import { foldEvents, handleAcrossStreams, handleCommand, PostgresEventStore } from '@newsroom/event-store';
import { fmt, freshSchema, percentile } from './bench-support';

/**
 * bench:contributions — accept → merged lag at a steady 50 accepts/s, beside the article command
 * path (ReviseArticle at the same rate) in the same run, on the same PostgreSQL. Both go through the
 * pipelines the API's runners use (handleAcrossStreams with decideAcceptance; handleCommand with the
 * article decider), without HTTP. Open loop: each command is due at its slot and its lag counts
 * from the slot, so queueing behind a slow one shows. An accept is merged when it returns: both
 * streams are appended in one transaction.
 */
const RATE = Number(process.env.BENCH_RATE ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10);
const POLICY = { fourEyesApproval: true };

const person = (role: Actor['role'], name: string): Actor => ({ id: randomUUID(), name, role, roles: [role] });
const editor = person('editor', 'Eda Editor');
const reporter = person('reporter', 'Rey Reporter');
const metadataOf = (a: Actor) => {
  const id = randomUUID();
  return { actor: { id: a.id, name: a.name, role: a.role }, commandId: id, correlationId: id, causationId: id };
};

/**
 * Lags of the commands that succeeded, and why the others failed: on a saturated machine a command
 * queued past the pool's connection timeout fails, and the run reports it instead of dying unprinted.
 */
async function openLoop(
  n: number,
  run: (i: number) => Promise<unknown>,
): Promise<{ lags: number[]; failed: string[] }> {
  const start = performance.now();
  const lags: number[] = [];
  const failed: string[] = [];
  await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const due = start + (i * 1000) / RATE;
      await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
      try {
        await run(i);
        lags.push(performance.now() - due);
      } catch (err) {
        failed.push((err as Error).message);
      }
    }),
  );
  return { lags: lags.sort((a, b) => a - b), failed };
}

async function main() {
  const ds = await freshSchema('bench_contributions');
  const store = new PostgresEventStore(ds);
  const now = () => new Date().toISOString();
  const article = (command: Omit<ArticleCommand, 'metadata'>, by: Actor) =>
    handleCommand(
      store,
      articleDecider,
      {
        streamId: articleStreamId(command.articleId),
        command: { ...command, metadata: { actor: by, now: now(), policy: POLICY } } as ArticleCommand,
        metadata: metadataOf(by),
        now: now(),
      },
      ({ version }) => version,
    );
  const submit = (command: Omit<ContributionCommand, 'metadata'>) =>
    handleCommand(
      store,
      contributionDecider,
      {
        streamId: contributionStreamId(command.contributionId),
        command: { ...command, metadata: { actor: reporter, now: now() } } as ContributionCommand,
        metadata: metadataOf(reporter),
        now: now(),
      },
      ({ version }) => version,
    );
  const accept = (contributionId: string, articleId: string) =>
    handleAcrossStreams(
      store,
      {
        streamIds: [contributionStreamId(contributionId), articleStreamId(articleId)],
        metadata: metadataOf(editor),
        now: now(),
      },
      ([c, a]) => {
        const command = {
          type: 'AcceptContribution' as const,
          contributionId,
          data: {},
          metadata: { actor: editor, now: now() },
        };
        const decided = decideAcceptance(
          command,
          foldEvents(contributionDecider, c!),
          foldEvents(articleDecider, a!),
          POLICY,
        );
        return { events: [decided.contribution, decided.article], answer: a!.length + 1 };
      },
    );

  const total = RATE * SECONDS;
  const draft = async () => {
    const articleId = randomUUID();
    const data = { headline: 'Bench', body: [{ type: 'paragraph' as const, text: 'First.' }] };
    await article({ type: 'DraftArticle', articleId, data }, editor);
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
    await submit({ type: 'SubmitContribution', contributionId, data });
    submitted.push(contributionId);
  }
  console.log(`${total} contributions on ${ARTICLES} articles; ${RATE}/s of each command for ${SECONDS} s`);

  const [acceptRun, reviseRun] = await Promise.all([
    openLoop(total, (i) => accept(submitted[i]!, targets[i % ARTICLES]!)),
    openLoop(total, (i) =>
      article({ type: 'ReviseArticle', articleId: edited[i % ARTICLES]!, data: { headline: `Bench ${i}` } }, editor),
    ),
  ]);
  const [accepts, revisions] = [acceptRun.lags, reviseRun.lags];
  const merged = await ds.query(`SELECT count(*)::int AS n FROM events WHERE type = 'ContributionMerged'`);
  const ms = (lags: number[], p: number) => fmt(percentile(lags, p)).padStart(7);
  const row = (name: string, lags: number[]) => `${name.padEnd(34)} p50 ${ms(lags, 50)} ms   p99 ${ms(lags, 99)} ms`;
  console.log(row('accept -> merged (durable)', accepts));
  console.log(row('ReviseArticle (baseline, same run)', revisions));
  const ratio = (p: number) => fmt(percentile(accepts, p) / percentile(revisions, p), 2);
  console.log(`ratio accept/revise: p50 ${ratio(50)}x, p99 ${ratio(99)}x; merges stored: ${merged[0].n} of ${total}`);
  for (const [name, run] of [
    ['accepts', acceptRun],
    ['revisions', reviseRun],
  ] as const) {
    if (run.failed.length === 0) continue;
    // Grouped by kind: ids and numbers vary, the reason does not.
    const kinds = new Map<string, number>();
    for (const m of run.failed) {
      const kind = m.replace(/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}/g, '<id>').replace(/\d+/g, 'N');
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    const reasons = [...kinds].map(([kind, n]) => `${n}× ${kind}`).join('; ');
    console.log(`${name} failed: ${run.failed.length} of ${total} (not in the percentiles): ${reasons}`);
  }
  // The figures are this machine's: say how busy it was.
  console.log(`load average (1 min) at the end: ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`);
  await ds.destroy();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
