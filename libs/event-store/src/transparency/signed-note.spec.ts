import { randomBytes } from 'node:crypto';
import vectors from './vectors/signed-note.json';
import { openCheckpoint, signCheckpoint } from './checkpoint';
import {
  generateSignerKey,
  NoteInvalid,
  NoteKeyInvalid,
  openNote,
  parseSignerKey,
  parseVerifierKey,
  signNote,
  verifierKeyOf,
} from './signed-note';

describe('C2SP signed notes, against the reference implementation', () => {
  it('derives the published verifier key and key id from the published signer key', () => {
    expect(verifierKeyOf(parseSignerKey(vectors.go.signerKey))).toBe(vectors.go.verifierKey);
  });

  it('signs the published text into the published note byte for byte', () => {
    expect(signNote(vectors.go.text, parseSignerKey(vectors.go.signerKey))).toBe(vectors.go.note);
  });

  it('opens the published notes with their keys', () => {
    expect(openNote(vectors.go.note, parseVerifierKey(vectors.go.verifierKey))).toBe(vectors.go.text);
    expect(openNote(vectors.spec.note, parseVerifierKey(vectors.spec.verifierKey))).toBe(
      'This is an example message.\n',
    );
  });

  it('refuses a note whose text was changed, and one signed by another key', () => {
    const verifier = parseVerifierKey(vectors.go.verifierKey);
    expect(() => openNote(vectors.go.note.replace('problem,', 'problem;'), verifier)).toThrow(NoteInvalid);
    expect(() => openNote(vectors.spec.note, verifier)).toThrow(/no signature by PeterNeumann/);
  });

  it('refuses a verifier key whose id does not match its key', () => {
    expect(() => parseVerifierKey(vectors.go.verifierKey.replace('c74f20a3', 'c74f20a4'))).toThrow(NoteKeyInvalid);
  });
});

describe('checkpoints', () => {
  const signer = parseSignerKey(generateSignerKey('newsroom.test/log'));
  const verifier = parseVerifierKey(verifierKeyOf(signer));
  const checkpoint = { origin: 'newsroom.test/log', size: 42, root: randomBytes(32) };

  it('state origin, size and root as tlog-checkpoint lines and open again', () => {
    const note = signCheckpoint(checkpoint, signer);
    expect(note.split('\n').slice(0, 3)).toEqual(['newsroom.test/log', '42', checkpoint.root.toString('base64')]);
    expect(openCheckpoint(note, verifier, 'newsroom.test/log')).toEqual(checkpoint);
  });

  it('do not open with another key or for another log', () => {
    const note = signCheckpoint(checkpoint, parseSignerKey(generateSignerKey('newsroom.test/log')));
    expect(() => openCheckpoint(note, verifier)).toThrow(NoteInvalid);
    expect(() => openCheckpoint(signCheckpoint(checkpoint, signer), verifier, 'other/log')).toThrow(/not other/);
  });
});
