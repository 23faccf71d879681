import { chainAfter } from '../event-store.port';
import type { StoredEvent } from '../event-store.types';
import { logEntry } from './log-entry';
import { appendLeaves, EMPTY_FRONTIER, frontierRoot } from './merkle.frontier';
import { leafHash } from './merkle.hash';
import { inclusionProof } from './merkle.proofs';
import { verifyStreamAgainstLog } from './stream-against-log';

const metadata = {
  actor: { id: 'u1', name: 'Eda Editor', role: 'editor' },
  commandId: 'c',
  correlationId: 'c',
  causationId: 'c',
};
const STREAM = 'article-00000000-0000-4000-8000-000000000001';

/** A stream of `n` events, each logged after one unrelated leaf, and the log's evidence for it. */
function logged(n: number) {
  const events: StoredEvent[] = chainAfter(
    null,
    STREAM,
    Array.from({ length: n }, (_, i) => ({ type: 'Revised', data: { take: i } })),
    metadata,
    '2030-01-01T00:00:00.000Z',
  ).map((e, i) => ({ ...e, globalPosition: 2 * i + 2 }));
  const hashes = events.flatMap((e) => [leafHash(Buffer.from(`other ${e.version}`)), leafHash(logEntry(e))]);
  const { frontier, completed } = appendLeaves(EMPTY_FRONTIER, hashes);
  const nodes = new Map(completed.map((c) => [`${c.level}/${c.index}`, c.hash]));
  const leaves = events.map((e, i) => ({
    leafIndex: 2 * i + 1,
    globalPosition: e.globalPosition,
    streamId: STREAM,
    version: e.version,
  }));
  const evidence = {
    recorded: new Map(leaves.map((l, i) => [l.leafIndex, hashes[2 * i + 1]])),
    checkpoint: { size: frontier.size, root: frontierRoot(frontier) },
    leaves,
    queued: new Set<number>(),
    proofs: new Map(
      leaves.map((l) => [
        l.leafIndex,
        inclusionProof(l.leafIndex, frontier.size, (lv, ix) => nodes.get(`${lv}/${ix}`)!),
      ]),
    ),
  };
  return { events, evidence };
}

describe('a stream checked against the signed log', () => {
  it('holds when every event is the one the log recorded', () => {
    const { events, evidence } = logged(4);
    expect(verifyStreamAgainstLog(events, evidence)).toMatchObject({ valid: true, logged: 4, pending: 0 });
  });

  it('names the first missing version of a truncated tail, though the chain left holds', () => {
    const { events, evidence } = logged(4);
    expect(verifyStreamAgainstLog(events.slice(0, 2), evidence)).toMatchObject({ valid: false, brokenAt: 3 });
  });

  it('names version 1 of a stream rewritten with every hash recomputed', () => {
    const { events, evidence } = logged(3);
    const rewritten = chainAfter(
      null,
      STREAM,
      events.map((e) => ({ type: e.type, data: { take: 'forged' } })),
      metadata,
      events[0].occurredAt,
    );
    const result = verifyStreamAgainstLog(
      rewritten.map((e, i) => ({ ...e, globalPosition: events[i].globalPosition })),
      evidence,
    );
    expect(result).toMatchObject({ valid: false, brokenAt: 1, reason: expect.stringMatching(/differs/) });
  });

  it('counts a queued event after the checkpoint as pending, and names one that skipped the queue', () => {
    const { events, evidence } = logged(2);
    const [next] = chainAfter(events[1], STREAM, [{ type: 'Revised', data: {} }], metadata, events[0].occurredAt);
    const stream = [...events, { ...next, globalPosition: 99 }];
    expect(verifyStreamAgainstLog(stream, { ...evidence, queued: new Set([99]) })).toMatchObject({
      valid: true,
      pending: 1,
    });
    expect(verifyStreamAgainstLog(stream, evidence)).toMatchObject({ valid: false, brokenAt: 3 });
  });
});

describe('a stream with an event erased in place (issue #12, the heavier route)', () => {
  const order = {
    redactionId: 'r1',
    redactedAt: '2030-02-01T00:00:00.000Z',
    legalBasis: 'Court order',
    reference: 'HC-1',
  };
  const redactableFields = (type: string) => (type === 'Revised' ? ['take'] : []);
  const erase = (events: StoredEvent[], version: number, data: unknown = { take: { $erased: order } }) =>
    events.map((e) => (e.version === version ? { ...e, data } : e));

  it('holds, the erased event vouched for by its links and its recorded leaf', () => {
    const { events, evidence } = logged(3);
    expect(verifyStreamAgainstLog(erase(events, 2), evidence, { redactableFields })).toMatchObject({
      valid: true,
      logged: 3,
      erased: [{ version: 2, redactionIds: ['r1'], paths: ['take'] }],
    });
  });

  it('holds for an erased last event too, whose hash no later event links to', () => {
    const { events, evidence } = logged(3);
    expect(verifyStreamAgainstLog(erase(events, 3), evidence, { redactableFields })).toMatchObject({ valid: true });
  });

  it('still names any other event edited', () => {
    const { events, evidence } = logged(3);
    const stream = erase(erase(events, 2), 3, { take: 'forged' });
    expect(verifyStreamAgainstLog(stream, evidence, { redactableFields })).toMatchObject({ valid: false, brokenAt: 3 });
  });

  it('names an "$erased" at a path that is not redactable', () => {
    const { events, evidence } = logged(3);
    const stream = erase(events, 2, { take: 1, other: { $erased: order } });
    expect(verifyStreamAgainstLog(stream, evidence, { redactableFields })).toMatchObject({
      valid: false,
      brokenAt: 2,
      reason: expect.stringMatching(/"\$erased" at other, not a redactable field of Revised/),
    });
  });

  it('names an erased event whose recorded leaf is not in the signed tree, or that no signed leaf records', () => {
    const { events, evidence } = logged(3);
    const stream = erase(events, 2);
    const forgedLeaf = new Map([...evidence.recorded].map(([i, h]) => [i, i === 3 ? Buffer.alloc(32) : h]));
    expect(verifyStreamAgainstLog(stream, { ...evidence, recorded: forgedLeaf }, { redactableFields })).toMatchObject({
      valid: false,
      brokenAt: 2,
      reason: expect.stringMatching(/erased, and its recorded leaf 3 is not in the signed tree/),
    });
    const unlogged = { ...evidence, leaves: evidence.leaves.filter((l) => l.version !== 2), queued: new Set([4]) };
    expect(verifyStreamAgainstLog(stream, unlogged, { redactableFields })).toMatchObject({
      valid: false,
      brokenAt: 2,
      reason: expect.stringMatching(/erased, but no signed leaf records it/),
    });
  });

  it('names it like any edit when the check is given no redactable fields', () => {
    const { events, evidence } = logged(3);
    expect(verifyStreamAgainstLog(erase(events, 2), evidence)).toMatchObject({ valid: false, brokenAt: 2 });
  });
});
