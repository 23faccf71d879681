import type { DataSource } from 'typeorm';
import { signCheckpoint } from './checkpoint';
import { CheckpointsTable, type StoredCheckpoint } from './checkpoints.table';
import { MerkleLog } from './merkle-log';
import type { NoteSigner } from './signed-note';

/**
 * Sequences every visible event, then signs and keeps a checkpoint when the tree grew past the
 * latest one kept; answers the latest. The signer's name is the log's origin.
 */
export async function sequenceAndSign(ds: DataSource, signer: NoteSigner): Promise<StoredCheckpoint | undefined> {
  const merkle = new MerkleLog(ds);
  const checkpoints = new CheckpointsTable(ds);
  await merkle.catchUp();
  const head = await merkle.head();
  const latest = await checkpoints.latest();
  if (head.size > 0 && head.size > (latest?.treeSize ?? 0)) {
    const note = signCheckpoint({ origin: signer.name, size: head.size, root: head.root }, signer);
    await checkpoints.keep(head.size, head.root, note);
  }
  return checkpoints.latest();
}
