import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  CheckpointsTable,
  MerkleLog,
  openCheckpoint,
  parseVerifierKey,
  sequenceAndSign,
  verifierKeyOf,
  type NoteSigner,
  type NoteVerifier,
  type StoredCheckpoint,
} from '@newsroom/event-store';
import { AppConfig } from '../../config/app-config';
import { loadAuditSigner } from './audit-signing-key';

/**
 * The API's side of the global Merkle log: every few seconds (and on demand) it sequences what is
 * visible and signs a checkpoint when the tree grew. Any instance may run it: the sequencer takes
 * a per-schema lock, and a checkpoint is kept only if none as large exists.
 */
@Injectable()
export class TransparencyLog implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger(TransparencyLog.name);
  readonly merkle: MerkleLog;
  readonly checkpoints: CheckpointsTable;
  readonly signer: NoteSigner;
  readonly verifier: NoteVerifier;
  readonly verifierKey: string;
  /** The largest tree this process signed or verified: a smaller "latest" checkpoint later means a rollback. */
  private highestSigned = 0;
  private timer?: NodeJS.Timeout;
  private running: Promise<StoredCheckpoint | undefined> | null = null;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly config: AppConfig,
  ) {
    this.merkle = new MerkleLog(ds);
    this.checkpoints = new CheckpointsTable(ds);
    this.signer = loadAuditSigner(config.env, (m) => this.log.warn(m));
    this.verifierKey = verifierKeyOf(this.signer);
    this.verifier = parseVerifierKey(this.verifierKey);
  }

  get origin(): string {
    return this.signer.name;
  }

  get highestSignedSize(): number {
    return this.highestSigned;
  }

  onApplicationBootstrap() {
    this.timer = setInterval(
      () => void this.checkpointNow().catch(() => undefined),
      this.config.env.AUDIT_CHECKPOINT_INTERVAL_MS,
    );
    this.timer.unref();
  }

  onApplicationShutdown() {
    clearInterval(this.timer);
  }

  /**
   * Sequences what is visible, without signing: for readers (verify) that check against the latest
   * kept checkpoint, so a read never writes one. Returns at once when another sequencer is busy.
   */
  async catchUp(): Promise<void> {
    await this.merkle.catchUp();
  }

  /** A checkpoint that opened and extended the one before it: no later "latest" may be smaller. */
  witnessed(c: StoredCheckpoint): void {
    this.highestSigned = Math.max(this.highestSigned, c.treeSize);
  }

  /** Sequences what is visible and signs the tree if it grew; answers the latest checkpoint. One at a time. */
  checkpointNow(): Promise<StoredCheckpoint | undefined> {
    this.running ??= this.step().finally(() => (this.running = null));
    return this.running;
  }

  private async step(): Promise<StoredCheckpoint | undefined> {
    try {
      const now = await sequenceAndSign(this.ds, this.signer);
      if (now && this.opens(now)) this.highestSigned = Math.max(this.highestSigned, now.treeSize);
      return now;
    } catch (err) {
      this.log.warn({ err }, 'Sequencing or signing the audit log failed; retrying at the next tick');
      throw err;
    }
  }

  /** Whether a kept checkpoint carries this log's signature over exactly its size and root. */
  opens(c: StoredCheckpoint): boolean {
    try {
      const opened = openCheckpoint(c.note, this.verifier, this.origin);
      return opened.size === c.treeSize && opened.root.equals(c.root);
    } catch {
      return false;
    }
  }
}
