import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { redactableFields } from '@newsroom/editorial-domain';
import {
  CheckpointsTable,
  decodeFieldEnvelope,
  fieldsIn,
  MerkleLog,
  PostgresEventStore,
  PostgresFieldKeyStore,
  type RedactionNotice,
  type StoredEvent,
} from '@newsroom/event-store';

/** What a bundle covers: one article, or every article with an event since an instant (each in full). */
export type BundleScope = { articleId: string } | { since: string };

/** Version 2 proves every leaf with one multiproof; verify-bundle.mjs still reads version 1. */
export const BUNDLE_FORMAT = 'newsroom-audit-bundle/2';

/** Most events one bundle holds: a larger one is refused with a narrower scope asked for. */
export const MAX_BUNDLE_EVENTS = 200_000;

export class BundleTooLarge extends Error {}
export class NothingToBundle extends Error {}

const VERIFIER = readFileSync(join(__dirname, 'verify-bundle.mjs'), 'utf8');
const lines = (items: unknown[]) => items.map((i) => `${JSON.stringify(i)}\n`).join('');

/**
 * The files of a verifiable bundle (README, "What an auditor can prove"): the events, the log's
 * leaves for their articles, the checkpoints with consistency proofs to the latest, inclusion
 * proofs into it, the public key and verify-bundle.mjs, and `redactions.json`: for each key of the
 * events' encrypted fields destroyed by a redaction (issue #12), the order (never any text; not
 * signed, so verify-bundle.mjs only shows it). The caller signs a checkpoint first, so that every
 * stored event is covered.
 */
export async function buildAuditBundle(ds: DataSource, verifierKey: string, scope: BundleScope) {
  const merkle = new MerkleLog(ds);
  const store = new PostgresEventStore(ds);
  const streams = await streamsOf(ds, scope);
  const events: StoredEvent[] = [];
  for (const streamId of streams) {
    events.push(...(await store.readStream(streamId)));
    if (events.length > MAX_BUNDLE_EVENTS) throw new BundleTooLarge(`more than ${MAX_BUNDLE_EVENTS} events`);
  }
  const leaves = (await Promise.all(streams.map((s) => merkle.leavesOf(s)))).flat();
  if (streams.length === 0 || (events.length === 0 && leaves.length === 0)) throw new NothingToBundle();
  const kept = new CheckpointsTable(ds);
  const latest = await kept.latest();
  if (!latest) throw new NothingToBundle();
  const covered = leaves.filter((l) => l.leafIndex < latest.treeSize);
  const coveredIndexes = covered.map((l) => l.leafIndex).sort((a, b) => a - b);
  // Format 2: one multiproof for every covered leaf with the leaf hashes the log recorded, so a
  // verifier rebuilds the root once (format 1 held an audit path per leaf, each climbed separately).
  const inclusion = await merkle.multiInclusionProof(coveredIndexes, latest.treeSize);
  const recorded = await merkle.leafHashes(leaves.map((l) => l.leafIndex));
  // The first checkpoint that covered each event: what was signed when it was new.
  const older = (await kept.firstCovering(covered.map((l) => l.leafIndex))).filter((c) => c.treeSize < latest.treeSize);
  const checkpoints = [...older.sort((a, b) => a.treeSize - b.treeSize), latest];
  const consistency = [];
  for (const c of checkpoints.slice(0, -1)) {
    const proof = await merkle.consistencyProof(c.treeSize, latest.treeSize);
    consistency.push({ from: c.treeSize, to: latest.treeSize, proof: proof.map((p) => p.toString('base64')) });
  }
  const manifest = {
    format: BUNDLE_FORMAT,
    origin: verifierKey.split('+')[0],
    scope,
    createdAt: new Date().toISOString(),
    treeSize: latest.treeSize,
    streams: streams.map((streamId) => ({ streamId, events: events.filter((e) => e.streamId === streamId).length })),
    verify: 'node verify-bundle.mjs . --key "$(cat public-key.txt)"  # pin the key from a source you trust',
  };
  return {
    name: bundleName(scope, latest.treeSize),
    files: {
      'manifest.json': `${JSON.stringify(manifest, null, 2)}\n`,
      'events.ndjson': lines(events),
      'log-leaves.ndjson': lines(
        leaves.map((l) => ({ ...l, leafHash: recorded.get(l.leafIndex)!.toString('base64') })),
      ),
      'checkpoints.ndjson': lines(checkpoints.map((c) => ({ treeSize: c.treeSize, note: c.note }))),
      'proofs/inclusion.json': `${JSON.stringify({
        treeSize: latest.treeSize,
        proof: inclusion.map((p) => p.toString('base64')),
      })}\n`,
      'proofs/consistency.ndjson': lines(consistency),
      'redactions.json': `${JSON.stringify(await destroyedKeysOf(ds, events), null, 2)}\n`,
      'public-key.txt': `${verifierKey}\n`,
      'verify-bundle.mjs': VERIFIER,
    } as Record<string, string>,
  };
}

/** kid → the order that destroyed it, for the encrypted fields of `events` whose key is gone. */
async function destroyedKeysOf(ds: DataSource, events: StoredEvent[]): Promise<Record<string, RedactionNotice>> {
  const kids = new Set<string>();
  for (const e of events) {
    for (const { value } of fieldsIn(e.data, redactableFields(e.type))) {
      const kid = envelopeKid(value);
      if (kid) kids.add(kid);
    }
  }
  const found = new Map<string, RedactionNotice>();
  const keys = new PostgresFieldKeyStore(ds);
  const all = [...kids];
  for (let i = 0; i < all.length; i += 10_000) {
    for (const [kid, record] of await keys.fetch(all.slice(i, i + 10_000))) {
      if ('destroyed' in record) found.set(kid, record.destroyed);
    }
  }
  return Object.fromEntries([...found].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** A damaged envelope is verify-bundle's to show, not the export's to refuse. */
function envelopeKid(value: unknown): string | undefined {
  try {
    return decodeFieldEnvelope(value)?.kid;
  } catch {
    return undefined;
  }
}

async function streamsOf(ds: DataSource, scope: BundleScope): Promise<string[]> {
  if ('articleId' in scope) return [`article-${scope.articleId}`];
  const rows = await ds.query(
    `SELECT DISTINCT stream_id FROM events WHERE occurred_at >= $1 AND stream_id LIKE 'article-%' ORDER BY stream_id`,
    [scope.since],
  );
  return rows.map((r: { stream_id: string }) => r.stream_id);
}

function bundleName(scope: BundleScope, treeSize: number): string {
  const what = 'articleId' in scope ? `article-${scope.articleId}` : `since-${scope.since.replace(/[^0-9TZ]/g, '')}`;
  return `newsroom-audit-${what}-tree-${treeSize}`;
}
