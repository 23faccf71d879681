import {
  contributionAccepted,
  contributionChangesRequested,
  contributionRevised,
  contributionSubmitted,
} from '@newsroom/testing';
import type { ContributionEventEnvelope } from '@newsroom/contracts';
import { contributionAuditEntryOf } from './contribution-audit.projection';
import { contributionListRowOf } from './contribution-list.projection';
import { evolveContributionRow, type ContributionRow } from './contribution-state.projection';
import { contributionEnvelope } from './contribution.fixtures';
import { CANARY, fieldsHolding, NOTICE, withMarkers } from './redaction.fixtures';

// Issue #12 in the contribution read models: a contribution's history replayed once its fields'
// keys are destroyed carries markers; what the read models derive from it holds no passage and
// prints no object.

const history: ContributionEventEnvelope[] = [
  contributionSubmitted({
    blocks: [{ type: 'paragraph', text: `The clerk, ${CANARY}, confirmed the documents.` }],
    credit: { name: CANARY, role: 'contributor', affiliation: 'Port office' },
  }),
  contributionChangesRequested(`Is ${CANARY} happy to be named?`),
  contributionRevised({ blocks: [{ type: 'paragraph', text: 'The clerk confirmed the documents.' }] }),
  contributionAccepted(),
].map((e, i) => contributionEnvelope(e, i + 1));
const replayed = withMarkers(history, fieldsHolding(history, CANARY));
const label = `Redacted ${NOTICE.redactedAt.slice(0, 10)} · ${NOTICE.legalBasis} · ${NOTICE.reference}`;

function derived(events: ContributionEventEnvelope[]) {
  let row: ContributionRow | null = null;
  return events.map((e) => {
    const before: ContributionRow | null = row;
    row = evolveContributionRow(before, e);
    return { entry: contributionAuditEntryOf(before, e, row), listRow: contributionListRowOf(row) };
  });
}

describe('the contribution read models of a contribution replayed after a redaction', () => {
  it('hold the passage before it (so the search below can fail)', () => {
    expect(JSON.stringify(derived(history))).toContain(CANARY);
  });

  it('hold it nowhere after, nor any text printed from a marker object', () => {
    const stored = JSON.stringify(derived(replayed));

    expect(stored).not.toContain(CANARY);
    expect(stored).not.toContain('[object Object]');
  });

  it('tell the redacted credit and note in their audit summaries by the order’s label', () => {
    const [submitted, changes] = derived(replayed).map((d) => d.entry.summary);

    expect(submitted).toBe(`Contribution submitted, asking credit as ${label}, contributor (Port office)`);
    expect(changes).toBe(`Changes requested on a contribution: ${label}`);
  });
});
