import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { CheckpointsTable, MerkleLog, PostgresEventStore, type StoredEvent } from '@newsroom/event-store';

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
 * proofs into it, the public key and verify-bundle.mjs. The caller signs a checkpoint first, so
 * that every stored event is covered.
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
      'public-key.txt': `${verifierKey}\n`,
      'verify-bundle.mjs': VERIFIER,
    } as Record<string, string>,
  };
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
