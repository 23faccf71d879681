import { openNote, signNote, NoteInvalid, type NoteSigner, type NoteVerifier } from './signed-note';

/** A tree head as C2SP tlog-checkpoint states it (https://c2sp.org/tlog-checkpoint). */
export interface Checkpoint {
  origin: string;
  size: number;
  root: Buffer;
}

/** The checkpoint's body: origin, decimal size, base64 root hash, each on its own line. */
export function checkpointText({ origin, size, root }: Checkpoint): string {
  return `${origin}\n${size}\n${root.toString('base64')}\n`;
}

export function signCheckpoint(checkpoint: Checkpoint, signer: NoteSigner): string {
  return signNote(checkpointText(checkpoint), signer);
}

/** The checkpoint a signed note states, once its signature holds for `verifier`; NoteInvalid otherwise. */
export function openCheckpoint(note: string, verifier: NoteVerifier, origin?: string): Checkpoint {
  const [o, size, root] = openNote(note, verifier).split('\n');
  if (origin !== undefined && o !== origin) throw new NoteInvalid(`is for log ${o}, not ${origin}`);
  if (!/^(0|[1-9]\d{0,15})$/.test(size ?? '')) throw new NoteInvalid('has no tree size');
  const hash = Buffer.from(root ?? '', 'base64');
  if (hash.length !== 32 || hash.toString('base64') !== root) throw new NoteInvalid('has no root hash');
  return { origin: o, size: Number(size), root: hash };
}
