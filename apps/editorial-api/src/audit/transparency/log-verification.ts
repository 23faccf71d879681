import { Inject, Injectable } from '@nestjs/common';
import {
  EventStore,
  verifyConsistency,
  verifyHashChain,
  verifyStreamAgainstLog,
  type LoggedVerifyResult,
  type StoredCheckpoint,
} from '@newsroom/event-store';
import { redactableFields } from '@newsroom/editorial-domain';
import { STORED_EVENTS } from '../../database/field-encryption';
import { TransparencyLog } from './transparency-log.service';

export interface CheckpointCheck {
  treeSize: number;
  rootHash: string;
  problem?: string;
}

export type StreamVerification = LoggedVerifyResult & { checkpoint: CheckpointCheck | null };

/**
 * `verify` with the log: the latest kept checkpoint must carry the log's signature, extend the one
 * before it, and not be smaller than one this process signed or verified (a rollback); then the
 * stream's events must be the ones the log recorded (verifyStreamAgainstLog). A read: it catches
 * the log up but never signs; events past the latest checkpoint are `pending` until the next one.
 */
@Injectable()
export class LogVerification {
  constructor(
    // As stored: the log's leaves hash the ciphertext.
    @Inject(STORED_EVENTS) private readonly store: EventStore,
    private readonly log: TransparencyLog,
  ) {}

  async verify(streamId: string): Promise<StreamVerification> {
    await this.log.catchUp();
    const latest = await this.log.checkpoints.latest();
    const events = await this.store.readStream(streamId);
    const checkpoint = latest ? await this.check(latest) : null;
    if (!latest) {
      // No signed leaf vouches for an erased event yet: without a checkpoint it fails like any edit.
      return { ...verifyHashChain(events), logged: 0, pending: events.length, checkpoint };
    }
    if (checkpoint?.problem) {
      // Version 0: the fault is the log's, before any event of this stream.
      const reason = checkpoint.problem;
      return { valid: false, events: events.length, brokenAt: 0, reason, logged: 0, pending: 0, checkpoint };
    }
    this.log.witnessed(latest);
    const leaves = await this.log.merkle.leavesOf(streamId);
    const signed = leaves.filter((l) => l.leafIndex < latest.treeSize).map((l) => l.leafIndex);
    const proofs = await this.log.merkle.inclusionProofs(signed, latest.treeSize);
    const queued = await this.log.merkle.queuedAmong(events.map((e) => e.globalPosition));
    // What an event erased in place (issue #12) is checked by, its own leaf hash being beyond recomputing.
    const recorded = await this.log.merkle.leafHashes(signed);
    const result = verifyStreamAgainstLog(
      events,
      { checkpoint: { size: latest.treeSize, root: latest.root }, leaves, proofs, queued, recorded },
      { redactableFields },
    );
    return { ...result, checkpoint };
  }

  /** What is wrong with the latest checkpoint, if anything. */
  async check(latest: StoredCheckpoint): Promise<CheckpointCheck> {
    const base = { treeSize: latest.treeSize, rootHash: latest.root.toString('hex') };
    const problem = (p: string) => ({ ...base, problem: p });
    if (!this.log.opens(latest)) return problem(`checkpoint ${latest.treeSize} is not signed by the log's key`);
    if (latest.treeSize < this.log.highestSignedSize) {
      return problem(
        `checkpoint ${latest.treeSize} is older than checkpoint ${this.log.highestSignedSize}: rolled back`,
      );
    }
    const previous = (await this.log.checkpoints.before(latest.treeSize)).find((c) => this.log.opens(c));
    if (previous) {
      const proof = await this.log.merkle.consistencyProof(previous.treeSize, latest.treeSize);
      if (!verifyConsistency(previous.treeSize, latest.treeSize, previous.root, latest.root, proof)) {
        return problem(`checkpoint ${latest.treeSize} does not extend checkpoint ${previous.treeSize}`);
      }
    }
    return base;
  }
}
