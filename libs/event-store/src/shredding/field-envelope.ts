/**
 * An encrypted field value as stored in an event's payload, in place of the text:
 * `{"$enc":{"v":1,"kid":…,"iv":…,"ct":…,"tag":…}}`, binary parts in unpadded base64url. `kid`
 * names the field key's row in `field_keys`; AES-256-GCM with the kid as additional data, so a
 * ciphertext opens only under the key it names. The hash chain and the Merkle log hash this
 * object like any other JSON, so destroying the key changes no hash.
 */
export interface FieldEnvelope {
  v: 1;
  kid: string;
  iv: string;
  ct: string;
  tag: string;
}
export interface EncryptedField {
  $enc: FieldEnvelope;
}

/** Why a field can no longer be read: the redaction order that destroyed its key, never the text. */
export interface RedactionNotice {
  redactionId: string;
  redactedAt: string;
  legalBasis: string;
  reference: string;
}

/**
 * What a read sees in place of a value whose key was destroyed, or which was erased in place (the
 * heavier route for plaintext stored before encryption; then `kid` is '', there never was a key).
 */
export interface RedactionMarker {
  $redacted: RedactionNotice & { kid: string };
}

const B64URL = /^[A-Za-z0-9_-]+$/;

export function encodeFieldEnvelope(e: Omit<FieldEnvelope, 'v'>): EncryptedField {
  return { $enc: { v: 1, kid: e.kid, iv: e.iv, ct: e.ct, tag: e.tag } };
}

/**
 * The envelope in a stored value, or undefined when the value is not one (plaintext written
 * before encryption, or a field left empty). A value shaped almost like one (an unknown version,
 * a missing part) is refused rather than shown: it is either a newer writer or a damaged row.
 */
export function decodeFieldEnvelope(value: unknown): FieldEnvelope | undefined {
  if (value === null || typeof value !== 'object' || !Object.hasOwn(value, '$enc')) return undefined;
  const e = (value as { $enc: unknown }).$enc as Partial<Record<keyof FieldEnvelope, unknown>> | null;
  const parts = ['kid', 'iv', 'ct', 'tag'] as const;
  if (
    e === null ||
    typeof e !== 'object' ||
    e.v !== 1 ||
    Object.keys(e).length !== 5 ||
    parts.some((p) => typeof e[p] !== 'string' || !B64URL.test(e[p] as string))
  ) {
    throw new MalformedFieldEnvelope();
  }
  return e as FieldEnvelope;
}

export function isRedactionMarker(value: unknown): value is RedactionMarker {
  return value !== null && typeof value === 'object' && Object.hasOwn(value, '$redacted');
}

export function redactionMarker(kid: string, notice: RedactionNotice): RedactionMarker {
  return {
    $redacted: {
      kid,
      redactionId: notice.redactionId,
      redactedAt: notice.redactedAt,
      legalBasis: notice.legalBasis,
      reference: notice.reference,
    },
  };
}

/** Deliberately without the value: it may hold the very ciphertext and key id being investigated. */
export class MalformedFieldEnvelope extends Error {
  constructor() {
    super('An encrypted field is not a version 1 envelope {"$enc":{v,kid,iv,ct,tag}}');
  }
}
