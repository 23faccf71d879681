import { PROFILES, runCampaign, type CampaignReport } from '../scripts/chaos/campaign';
import { summary } from '../scripts/chaos/chaos';

// The fault campaign in brief (`npm run chaos` runs the full one and prints its figures): under a
// steady load of commands, kill -9 a relay, a projector and an API, cut every database session,
// stop the broker; the system runs on a broker of its own, so the shared one is never touched.
// Timings are printed, not asserted: what must hold is that nothing accepted is lost or disordered.

let report: CampaignReport;
beforeAll(async () => {
  report = await runCampaign(PROFILES.reduced);
  process.stdout.write(summary(report));
}, 600_000);

describe('after kill -9 of a relay, a projector and an API, cut database sessions and a broker restart', () => {
  it('had accepted a steady stream of commands throughout', () => {
    expect(report.verdict.acceptedCommands).toBeGreaterThan(PROFILES.reduced.rate * 20);
  });

  it('stored every accepted command, put it on the topic in per-article order and in every read model', () => {
    expect(report.verdict.problems).toEqual([]);
    expect(report.verdict.lost).toBe(0);
    expect(report.verdict.reordered).toBe(0);
  });

  it('reflects each event exactly once in every read model', () => {
    expect(report.verdict.duplicated).toBe(0);
  });

  it("verifies every article's hash chain", () => {
    expect(report.verdict.brokenChains).toBe(0);
  });

  it('kept every process running that it did not kill', () => {
    expect(report.unexpectedExits).toEqual([]);
  });

  it('measured every takeover and catch-up it caused', () => {
    expect(report.relayTakeoverMs).toHaveLength(1);
    expect(report.projectorTakeoverMs).toHaveLength(1);
    expect(report.brokerCatchUpMs).toHaveLength(1);
    expect(report.cutSessions[0]).toBeGreaterThan(0);
  });
});
