import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  KeyObject,
} from 'node:crypto';

/**
 * C2SP signed-note (https://c2sp.org/signed-note) with Ed25519, as golang.org/x/mod/sumdb/note
 * writes it: keys as `PRIVATE+KEY+<name>+<key id>+<base64(0x01 ‖ seed)>` and
 * `<name>+<key id>+<base64(0x01 ‖ public key)>`, where the key id is the first 4 bytes of
 * SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key); a note is its text, a blank line, and lines
 * `— <name> <base64(key id ‖ signature)>`.
 */
export interface NoteSigner {
  name: string;
  keyId: Buffer;
  privateKey: KeyObject;
  publicKey: Buffer;
}

export interface NoteVerifier {
  name: string;
  keyId: Buffer;
  publicKey: KeyObject;
}

export class NoteKeyInvalid extends Error {}
export class NoteInvalid extends Error {}

const ED25519 = 0x01;
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex');
const NAME = /^[^\s+]+$/;

export function keyIdOf(name: string, publicKey: Buffer): Buffer {
  const hash = createHash('sha256')
    .update(name)
    .update('\n')
    .update(Buffer.from([ED25519]))
    .update(publicKey);
  return hash.digest().subarray(0, 4);
}

/** Parses a signer key; throws NoteKeyInvalid without ever echoing the key. */
export function parseSignerKey(key: string): NoteSigner {
  const parts = key.trim().split('+');
  if (parts.length < 5 || parts[0] !== 'PRIVATE' || parts[1] !== 'KEY') {
    throw new NoteKeyInvalid('must look like PRIVATE+KEY+<name>+<key id>+<key>');
  }
  const [name, id] = [parts[2], parts[3]];
  const raw = Buffer.from(parts.slice(4).join('+'), 'base64');
  if (!NAME.test(name) || raw.length !== 33 || raw[0] !== ED25519) throw new NoteKeyInvalid('is not an Ed25519 key');
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519, raw.subarray(1)]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKey = Buffer.from(createPublicKey(privateKey).export({ format: 'jwk' }).x!, 'base64url');
  const keyId = keyIdOf(name, publicKey);
  if (keyId.toString('hex') !== id) throw new NoteKeyInvalid('has a key id that does not match its key');
  return { name, keyId, privateKey, publicKey };
}

export function parseVerifierKey(key: string): NoteVerifier {
  const parts = key.trim().split('+');
  if (parts.length < 3) throw new NoteKeyInvalid('must look like <name>+<key id>+<key>');
  const [name, id] = parts;
  const raw = Buffer.from(parts.slice(2).join('+'), 'base64');
  if (!NAME.test(name) || raw.length !== 33 || raw[0] !== ED25519) throw new NoteKeyInvalid('is not an Ed25519 key');
  const keyId = keyIdOf(name, raw.subarray(1));
  if (keyId.toString('hex') !== id) throw new NoteKeyInvalid('has a key id that does not match its key');
  const publicKey = createPublicKey({
    key: Buffer.concat([SPKI_ED25519, raw.subarray(1)]),
    format: 'der',
    type: 'spki',
  });
  return { name, keyId, publicKey };
}

export function verifierKeyOf(signer: NoteSigner): string {
  const key = Buffer.concat([Buffer.from([ED25519]), signer.publicKey]).toString('base64');
  return `${signer.name}+${signer.keyId.toString('hex')}+${key}`;
}

/** A new signer key string for `name`. */
export function generateSignerKey(name: string): string {
  if (!NAME.test(name)) throw new NoteKeyInvalid('names a key with spaces or +');
  const { privateKey } = generateKeyPairSync('ed25519');
  const seed = Buffer.from(privateKey.export({ format: 'jwk' }).d!, 'base64url');
  const publicKey = Buffer.from(privateKey.export({ format: 'jwk' }).x!, 'base64url');
  const key = Buffer.concat([Buffer.from([ED25519]), seed]).toString('base64');
  return `PRIVATE+KEY+${name}+${keyIdOf(name, publicKey).toString('hex')}+${key}`;
}

export function signNote(text: string, signer: NoteSigner): string {
  if (!text.endsWith('\n') || text.includes('\n\n')) throw new NoteInvalid('note text must be lines, none blank');
  const signature = sign(null, Buffer.from(text, 'utf8'), signer.privateKey);
  return `${text}\n— ${signer.name} ${Buffer.concat([signer.keyId, signature]).toString('base64')}\n`;
}

/** The note's text when `verifier` signed it; NoteInvalid naming what is wrong otherwise. */
export function openNote(note: string, verifier: NoteVerifier): string {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) throw new NoteInvalid('is not a signed note');
  const text = note.slice(0, split + 1);
  const lines = note.slice(split + 2, -1).split('\n');
  for (const line of lines) {
    const match = /^— (\S+) ([A-Za-z0-9+/=]+)$/.exec(line);
    if (!match) throw new NoteInvalid('has a malformed signature line');
    const blob = Buffer.from(match[2], 'base64');
    if (match[1] !== verifier.name || blob.length < 4 || !blob.subarray(0, 4).equals(verifier.keyId)) continue;
    if (verify(null, Buffer.from(text, 'utf8'), verifier.publicKey, blob.subarray(4))) return text;
    throw new NoteInvalid(`has a signature by ${verifier.name} that does not verify`);
  }
  throw new NoteInvalid(`has no signature by ${verifier.name}+${verifier.keyId.toString('hex')}`);
}
