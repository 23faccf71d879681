import { Kafka, logLevel } from 'kafkajs';
import { READ_MODELS, type ReadModelName } from '@newsroom/read-models';
import { ChaosSystem, type ProcessSpec } from './chaos-system';
import { CommandLoad, loginAsEditor } from './command-load';
import { caughtUp, checkRecovery, lagging, storedVersions, type Verdict } from './recovery-checks';

/** How big a campaign: `reduced` runs in `npm test`, `full` is `npm run chaos`. */
export interface CampaignProfile {
  rate: number;
  /** Seconds of load before, between and after the faults. */
  settleSeconds: number;
  rounds: number;
  brokerOutageSeconds: number;
  /** Projector processes: each entry runs those read models, twice. */
  projectorGroups: ReadModelName[][];
}

export const PROFILES: Record<'reduced' | 'full', CampaignProfile> = {
  reduced: { rate: 20, settleSeconds: 3, rounds: 1, brokerOutageSeconds: 5, projectorGroups: [[...READ_MODELS]] },
  full: {
    rate: 50,
    settleSeconds: 8,
    rounds: 3,
    brokerOutageSeconds: 15,
    projectorGroups: [['article_state'], ['audit_trail', 'article_list', 'contributor_index']],
  },
};

export interface CampaignReport {
  /** Milliseconds from kill -9 of the leading relay to the standby holding the lock, per kill. */
  relayTakeoverMs: number[];
  /** Milliseconds from kill -9 of a projector to its twin owning all of the group's partitions. */
  projectorTakeoverMs: number[];
  /** Milliseconds from kill -9 of a projector until every event stored at the kill is in every read model. */
  projectorCatchUpMs: number[];
  /** Milliseconds from the broker answering again to every read model reflecting what was stored meanwhile. */
  brokerCatchUpMs: number[];
  /** Within it: the relay's backlog sent, and every consumer group stable again. */
  brokerPhases: Array<{ relayMs: number; groupsMs: number }>;
  /** Sessions terminated per cut. */
  cutSessions: number[];
  status500: number;
  status503: number;
  statuses: Record<string, number>;
  unanswered: number;
  serverErrorSamples: string[];
  /** Processes that ended on their own (a crash, a fatal error): none should. */
  unexpectedExits: string[];
  verdict: Verdict;
  seconds: number;
}

const LOCK_NAMESPACE = 0x6e777372;
const TIMEOUT_MS = 90_000;

/** Runs the fault campaign under a steady load of commands and checks what survived. */
export async function runCampaign(
  profile: CampaignProfile,
  progress: (line: string) => void = () => undefined,
): Promise<CampaignReport> {
  const began = Date.now();
  const sys = await ChaosSystem.start();
  const report: CampaignReport = {
    relayTakeoverMs: [],
    projectorTakeoverMs: [],
    projectorCatchUpMs: [],
    brokerCatchUpMs: [],
    brokerPhases: [],
    cutSessions: [],
    status500: 0,
    status503: 0,
    statuses: {},
    unanswered: 0,
    serverErrorSamples: [],
    unexpectedExits: [],
    verdict: undefined as unknown as Verdict,
    seconds: 0,
  };
  const kafka = () =>
    new Kafka({ brokers: [sys.broker.address], clientId: 'chaos-observer', logLevel: logLevel.NOTHING });
  try {
    const specs: ProcessSpec[] = [
      { name: 'api-1', app: 'editorial-api' },
      { name: 'api-2', app: 'editorial-api' },
      { name: 'relay-1', app: 'outbox-relay' },
      { name: 'relay-2', app: 'outbox-relay' },
      ...profile.projectorGroups.flatMap((models, g) =>
        ['a', 'b'].map((twin) => ({
          name: `projector-${g + 1}${twin}`,
          app: 'projector' as const,
          env: { PROJECTIONS: models.join(',') },
        })),
      ),
    ];
    // One API first: it seeds the demo users the others would race to create.
    await sys.launch(specs[0]);
    await Promise.all(specs.slice(1).map((s) => sys.launch(s)));
    progress(`system up: ${specs.map((s) => s.name).join(', ')}; broker ${sys.broker.address}`);
    const token = await loginAsEditor(sys.apiBases()[0]);
    const load = new CommandLoad(() => sys.apiBases(), token, profile.rate);
    load.start();
    const settle = () => pause(profile.settleSeconds * 1000);
    await settle();
    // A fixed target: under load, "every read model at the versions stored right now" may never
    // hold at the instant it is asked, however small the lag.
    const storedAfterSettle = await storedVersions(sys.db);
    await until(
      'the first commands in every read model',
      () => caughtUp(sys.db, storedAfterSettle),
      100,
      () => lagging(sys.db, storedAfterSettle),
    );
    const projectorNames = specs.filter((s) => s.app === 'projector').map((s) => s.name);
    for (let round = 0; round < profile.rounds; round++) {
      // A relay: the standby takes the lock its dead leader's session held.
      const leader = await until('a relay to lead', () => relayLeader(sys));
      const killedAt = Date.now();
      await sys.kill(leader);
      await until(
        'a relay to take over',
        async () => {
          const now = await relayLeader(sys);
          return now !== undefined && now !== leader;
        },
        25,
      );
      report.relayTakeoverMs.push(Date.now() - killedAt);
      progress(`relay: killed ${leader}, takeover in ${report.relayTakeoverMs.at(-1)} ms`);
      await sys.restart(leader);
      await settle();

      // A projector: its twin takes over the dead one's partitions.
      const victim = projectorNames[round % projectorNames.length];
      const spec = specs.find((s) => s.name === victim)!;
      const groups = spec.env!.PROJECTIONS.split(',').map((m) => `${sys.topicPrefix}projector.${m}`);
      const storedAtKill = await storedVersions(sys.db);
      const projectorKilledAt = Date.now();
      await sys.kill(victim);
      const takeover = until('the twin to own every partition', () => groupsSettledOn(kafka(), groups, 1), 50);
      const catchUp = until(
        'the read models to catch up',
        () => caughtUp(sys.db, storedAtKill),
        50,
        () => lagging(sys.db, storedAtKill),
      );
      await takeover;
      report.projectorTakeoverMs.push(Date.now() - projectorKilledAt);
      await catchUp;
      report.projectorCatchUpMs.push(Date.now() - projectorKilledAt);
      progress(
        `projector: killed ${victim}, takeover in ${report.projectorTakeoverMs.at(-1)} ms, ` +
          `caught up in ${report.projectorCatchUpMs.at(-1)} ms`,
      );
      await sys.restart(victim);
      await settle();

      // An API: the load balancer's other instance keeps answering; a supervisor restarts it.
      const api = `api-${(round % 2) + 1}`;
      await sys.kill(api);
      progress(`api: killed ${api}`);
      await pause(1000);
      await sys.restart(api);
      await settle();

      // The database: every session of every process cut at once, as a failover does.
      const before = report.status500 + report.status503;
      report.cutSessions.push(await sys.cutDatabaseSessions());
      await pause(2000);
      const tallied = countServerErrors(load);
      progress(
        `database: cut ${report.cutSessions.at(-1)} sessions; 500s so far ${tallied.status500}, ` +
          `503s so far ${tallied.status503} (was ${before})`,
      );
      await settle();

      // The broker: stopped while commands keep coming, then back.
      await sys.broker.stop();
      progress(`broker: stopped for ${profile.brokerOutageSeconds} s`);
      await pause(profile.brokerOutageSeconds * 1000);
      await sys.broker.start();
      const backAt = Date.now();
      const storedAtReturn = await storedVersions(sys.db);
      const [{ last }] = await sys.db.query('SELECT coalesce(max(id), 0)::text AS last FROM outbox');
      const allGroups = READ_MODELS.map((m) => `${sys.topicPrefix}projector.${m}`);
      const phases = {
        relay: until('the relay to send the backlog', async () => {
          const [{ n }] = await sys.db.query('SELECT count(*)::int AS n FROM outbox WHERE id <= $1', [last]);
          return n === 0 ? Date.now() - backAt : undefined;
        }).catch(() => -1),
        groups: until(
          'the groups to settle',
          async () => ((await groupsSettledOn(kafka(), allGroups, 2)) ? Date.now() - backAt : undefined),
          50,
        ).catch(() => -1), // a member that never came back is reported below, as an unexpected exit
      };
      await until(
        'the read models to catch up after the broker',
        () => caughtUp(sys.db, storedAtReturn),
        50,
        () => lagging(sys.db, storedAtReturn),
      );
      report.brokerCatchUpMs.push(Date.now() - backAt);
      const phase = { relayMs: await phases.relay, groupsMs: await phases.groups };
      report.brokerPhases.push(phase);
      progress(
        `broker: back; read models caught up in ${report.brokerCatchUpMs.at(-1)} ms ` +
          `(backlog sent in ${phase.relayMs} ms, groups settled in ${phase.groupsMs} ms)`,
      );
      await settle();
    }
    await load.stop();
    Object.assign(report, countServerErrors(load));
    report.statuses = Object.fromEntries([...load.tally.statuses].map(([s, n]) => [String(s), n]));
    report.unanswered = load.tally.unanswered;
    report.serverErrorSamples = [
      ...new Set(load.tally.serverErrors.map((e) => `${e.status} ${e.body}`)),
      ...[...load.tally.refusals].map(([status, body]) => `${status} ${body}`),
    ].slice(0, 8);
    // Recovery: the outbox drained and every read model at the stored versions, then the checks.
    await until('the outbox to drain', async () => {
      const [{ n }] = await sys.db.query('SELECT count(*)::int AS n FROM outbox');
      return n === 0;
    });
    await until('every read model at the stored versions', async () =>
      caughtUp(sys.db, await storedVersions(sys.db)),
    ).catch(() => undefined); // the verdict names what is missing
    report.verdict = await checkRecovery({
      db: sys.db,
      accepted: load.tally.accepted,
      acceptedCommands: load.tally.acceptedCommands,
      broker: sys.broker.address,
      topicPrefix: sys.topicPrefix,
      api: sys.apiBases()[0],
      token,
    });
    report.unexpectedExits = [...sys.unexpectedExits];
    report.seconds = Math.round((Date.now() - began) / 1000);
    return report;
  } catch (e) {
    // Under CI, this is all there is to go on: what each process logged before the wait gave up.
    process.stderr.write(`chaos campaign failed; what the processes logged last:\n${sys.logTails()}\n`);
    throw e;
  } finally {
    await sys.close();
  }
}

function countServerErrors(load: CommandLoad) {
  const s = load.tally.statuses;
  return { status500: s.get(500) ?? 0, status503: s.get(503) ?? 0 };
}

/** The relay whose lock session holds the relay lock of this schema. */
async function relayLeader(sys: ChaosSystem): Promise<string | undefined> {
  const rows: Array<{ name: string }> = await sys.db.query(
    `SELECT a.application_name AS name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted AND l.classid::bigint = $1
        AND l.objid::bigint = (hashtext($2)::bigint & 4294967295)`,
    [LOCK_NAMESPACE, sys.schema],
  );
  const holder = rows[0]?.name;
  if (!holder) return undefined;
  return ['relay-1', 'relay-2'].find((r) => holder.endsWith(`-${sys.pidOf(r)}`));
}

/** True once every group is Stable with exactly `members` members. */
async function groupsSettledOn(kafka: Kafka, groupIds: string[], members: number): Promise<boolean> {
  const admin = kafka.admin();
  try {
    await admin.connect();
    const { groups } = await admin.describeGroups(groupIds);
    return groups.every((g) => g.state === 'Stable' && g.members.length === members);
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  everyMs = 100,
  why: () => Promise<string[]> = async () => [],
): Promise<T> {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const got = await probe();
    if (got) return got;
    if (Date.now() > deadline) {
      const reasons = await why().catch((e: Error) => [`(could not tell why: ${e.message})`]);
      throw new Error([`timed out waiting for ${what}`, ...reasons].join('\n  '));
    }
    await pause(everyMs);
  }
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
