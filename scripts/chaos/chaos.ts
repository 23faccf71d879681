import { PROFILES, runCampaign, type CampaignReport } from './campaign';

/**
 * `npm run chaos`: the full fault campaign (two APIs, two relays, two instances of each projector
 * group, kill -9 of each, cut database sessions, broker restarts, under a steady load of commands),
 * then its figures. Exits 1 when a command was lost, duplicated or reordered, a chain broke or a
 * process died on its own.
 * CHAOS_PROFILE=reduced runs the short one `npm test` runs.
 */
async function main() {
  const name = process.env.CHAOS_PROFILE === 'reduced' ? 'reduced' : 'full';
  const profile = { ...PROFILES[name], ...(process.env.CHAOS_ROUNDS && { rounds: Number(process.env.CHAOS_ROUNDS) }) };
  const log = (line: string) => process.stdout.write(`[chaos] ${line}\n`);
  log(`${name} campaign: ${profile.rate} commands/s, ${profile.rounds} rounds`);
  const report = await runCampaign(profile, log);
  process.stdout.write(summary(report));
  const v = report.verdict;
  process.exit(v.lost + v.duplicated + v.reordered + v.brokenChains + report.unexpectedExits.length === 0 ? 0 : 1);
}

const ms = (xs: number[]) => (xs.length ? `${xs.join(', ')} ms (max ${Math.max(...xs)})` : 'n/a');

export function summary(r: CampaignReport): string {
  const v = r.verdict;
  return [
    '',
    `Chaos campaign, ${r.seconds} s`,
    `  relay takeover:               ${ms(r.relayTakeoverMs)}`,
    `  projector takeover:           ${ms(r.projectorTakeoverMs)}`,
    `  projector kill → caught up:   ${ms(r.projectorCatchUpMs)}`,
    `  broker back → caught up:      ${ms(r.brokerCatchUpMs)}`,
    `    of which backlog sent:      ${ms(r.brokerPhases.map((p) => p.relayMs))}`,
    `    of which groups settled:    ${ms(r.brokerPhases.map((p) => p.groupsMs))}`,
    `  database sessions cut:        ${r.cutSessions.join(', ')}`,
    `  answers:                      ${Object.entries(r.statuses)
      .map(([s, n]) => `${n} × ${s}`)
      .join(', ')}; ${r.unanswered} unanswered`,
    `  500s: ${r.status500}   503s: ${r.status503}`,
    `  processes that died on their own: ${r.unexpectedExits.join(', ') || 'none'}`,
    ...r.serverErrorSamples.map((s) => `    e.g. ${s}`),
    `  accepted commands:            ${v.acceptedCommands}`,
    `  lost: ${v.lost}   duplicated: ${v.duplicated}   reordered: ${v.reordered}   broken chains: ${v.brokenChains}` +
      `   (redelivered on the topic, allowed: ${v.redelivered})`,
    ...v.problems.map((p) => `    ${p}`),
    '',
  ].join('\n');
}

if (require.main === module)
  main().catch((err: unknown) => {
    process.stderr.write(`chaos campaign failed: ${(err as Error).stack}\n`);
    process.exit(2);
  });
