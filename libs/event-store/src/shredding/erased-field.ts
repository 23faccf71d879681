import { eventHash, type HashedFields } from '../hash-chain';
import { fieldPathsIn } from './field-paths';
import type { RedactionNotice } from './field-envelope';

/**
 * A field value removed from a stored event by the heavier route (docs/redaction.md): text stored
 * in plaintext before encryption, so no key to destroy, replaced in place by the order that
 * removed it: `{"$erased":{"redactionId":…,"redactedAt":…,"legalBasis":…,"reference":…}}`.
 */
export interface ErasedField {
  $erased: RedactionNotice;
}

/** The redactable field paths of an event type (the domain's `redactableFields`). */
export type RedactableFields = (type: string) => readonly string[];

const NOTICE = ['redactionId', 'redactedAt', 'legalBasis', 'reference'].sort();

/**
 * The notice of an erased value, or undefined when the value is not one. A value shaped almost
 * like one is refused, as an almost-envelope is: it is a damaged row or a forgery.
 */
export function decodeErasedField(value: unknown): RedactionNotice | undefined {
  if (!hasErasedKey(value)) return undefined;
  const n = (value as { $erased: unknown }).$erased as Record<string, unknown> | null;
  if (
    Object.keys(value as object).length !== 1 ||
    n === null ||
    typeof n !== 'object' ||
    Array.isArray(n) ||
    Object.keys(n).sort().join() !== NOTICE.join() ||
    NOTICE.some((k) => typeof n[k] !== 'string')
  ) {
    throw new MalformedErasedField();
  }
  return n as unknown as RedactionNotice;
}

function hasErasedKey(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, '$erased');
}

/** An event erased under one or more orders: checked by its links, since its content cannot be recomputed. */
export interface ErasedEvent {
  version: number;
  redactionIds: string[];
  paths: string[];
}

/**
 * What an event whose content no longer matches its hash holds: erased fields, each at a
 * redactable path of its type and well formed (then `erased`), or not (then why not, so that
 * "$erased" cannot be used to hide any other change). Only asked of events that fail their hash:
 * an intact event is proven by its hash whatever it holds.
 */
export function erasureOf(
  e: { type: string; data: unknown; metadata: unknown },
  redactableFields: RedactableFields | undefined,
): { erased: Omit<ErasedEvent, 'version'> } | { problem: string | null } {
  const found: string[] = [];
  collectErased(e.data, '', found);
  const inMetadata: string[] = [];
  collectErased(e.metadata, 'metadata', inMetadata);
  if (found.length === 0 && inMetadata.length === 0) return { problem: null };
  if (!redactableFields) return { problem: 'holds erased fields, and this check was given no redactable fields' };
  if (inMetadata.length > 0) return { problem: `holds "$erased" at ${inMetadata[0]}, which is not a redactable field` };
  const allowed = new Set(fieldPathsIn(e.data, redactableFields(e.type)));
  const redactionIds = new Set<string>();
  for (const path of found) {
    if (!allowed.has(path)) {
      return { problem: `holds "$erased" at ${path || 'data'}, not a redactable field of ${e.type}` };
    }
    try {
      redactionIds.add(decodeErasedField(pathValue(e.data, path))!.redactionId);
    } catch {
      return { problem: `holds a malformed "$erased" at ${path}` };
    }
  }
  return { erased: { redactionIds: [...redactionIds], paths: found } };
}

/** Paths (as field-paths writes them: `changes.body[3].text`) of every object with an own `$erased`. */
function collectErased(node: unknown, path: string, out: string[]): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    node.forEach((item, i) => collectErased(item, `${path}[${i}]`, out));
    return;
  }
  if (Object.hasOwn(node, '$erased')) {
    out.push(path);
    return;
  }
  for (const [k, v] of Object.entries(node)) collectErased(v, path ? `${path}.${k}` : k, out);
}

function pathValue(data: unknown, path: string): unknown {
  let node = data;
  for (const step of path.split(/\.|(?=\[)/)) {
    const index = /^\[(\d+)\]$/.exec(step);
    node = index ? (node as unknown[])[Number(index[1])] : (node as Record<string, unknown>)[step];
  }
  return node;
}

/** Deliberately without the value, as MalformedFieldEnvelope. */
export class MalformedErasedField extends Error {
  constructor() {
    super('An erased field is not {"$erased":{redactionId,redactedAt,legalBasis,reference}}');
  }
}

export type ContentCheck = { ok: true; erased?: ErasedEvent } | { ok: false; reason: string; expected: string };

/**
 * An event's content against its hash, given the hash before it: intact, erased in place (then its
 * links and its recorded leaf must vouch for it, which the caller checks), or broken, with why.
 */
export function checkContent(
  prevHash: string,
  e: HashedFields & { hash: string },
  redactableFields: RedactableFields | undefined,
): ContentCheck {
  const computed = eventHash(prevHash, e);
  if (computed === e.hash) return { ok: true };
  const erasure = erasureOf(e, redactableFields);
  if ('erased' in erasure) return { ok: true, erased: { version: e.version, ...erasure.erased } };
  const reason = 'event content does not match its hash';
  return { ok: false, reason: erasure.problem ? `${reason}: it ${erasure.problem}` : reason, expected: computed };
}
