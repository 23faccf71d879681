#!/usr/bin/env node
// Verifies a Newsroom audit bundle offline, with nothing but Node.js 20 (no dependencies, no network):
//
//   node verify-bundle.mjs <bundle-dir> --key <verifier key> [--known <checkpoint note file>]
//
// --key is the log's C2SP verifier key (`<origin>+<key id>+<base64 key>`), the text that
// GET /api/audit/public-key answers: pin it from a source you trust, not from the bundle.
// --known is a checkpoint you saw earlier (GET /api/audit/checkpoints/latest): the bundle's latest
// must not be older (a rollback) and must contain it. --verbose lists each encrypted or redacted field
// by article, version and path; --json writes the verdict and that report as one JSON document.
//
// Exit 0 when every checkpoint is signed by that key, every older checkpoint is a prefix of the
// latest (RFC 9162 consistency), every article's hash chain holds, and every event is the leaf the
// log recorded (RFC 9162 inclusion in the latest checkpoint: format 1 bundles hold an audit path per
// leaf, format 2 the recorded leaf hashes and one multiproof for all of them); otherwise exit 1
// naming the first bad checkpoint, or article and version. Exit 2 for bad usage or an unreadable bundle.
//
// Legal redactions (issue #12) change no verdict. Redactable text is stored encrypted, so the events
// hold `{"$enc":{…,"kid":…}}` and hash as such; the bundle holds no key, so each reads "encrypted", or
// "key destroyed" when redactions.json names the order that destroyed its key. redactions.json is
// informational: it is not signed, this verifier never reads it to decide, and a claim in it is shown
// as confirmed only when a ContentRedacted event of the bundle (verified) records that field. Text
// stored in plaintext before encryption is erased in place: `{"$erased":{redactionId,…}}` replaces it,
// so that event no longer matches its hash. It holds when every "$erased" is at a redactable field of
// its type (the table below) and its links vouch for it: its hash is the next event's prev_hash and the
// leaf the log recorded for it is in the signed tree (format 2 only). Every other event is recomputed.
import * as crypto from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const { createHash, createPublicKey, verify } = crypto;
// One-shot hashing where Node has it (20.12 and later): half the cost of a hash object each time.
const digest = crypto.hash
  ? (data) => crypto.hash('sha256', data, 'buffer')
  : (data) => createHash('sha256').update(data).digest();
const sha256 = (...parts) => digest(Buffer.concat(parts));
// A string's NUL encodes as the 0x00 byte in UTF-8: the leaf prefix without a Buffer copy.
const leafHashOfText = (entry) => digest(`\u0000${entry}`);
const NODE = Buffer.alloc(65, 1);
const nodeHash = (l, r) => {
  if (l.length !== 32 || r.length !== 32) return sha256(Buffer.from([1]), l, r);
  NODE.set(l, 1);
  NODE.set(r, 33);
  return digest(NODE);
};
const half = (x) => Math.floor(x / 2);
const odd = (x) => x % 2 === 1;

class Failure extends Error {}

/** Bundle formats this verifier reads: 1 holds an audit path per leaf, 2 one multiproof for them all. */
const FORMATS = ['newsroom-audit-bundle/1', 'newsroom-audit-bundle/2'];

/**
 * Where each event type's free text may be (the domain's redactableFields, held to it by
 * verify-bundle.redactable-fields.spec.ts): the only places an erased value may be. `[*]` is every
 * item of a list.
 */
// <redactable-fields>
const REDACTABLE_FIELDS = {
  ArticleDrafted: ['headline', 'standfirst', 'body[*].text', 'body[*].attribution'],
  ArticleRevised: ['changes.headline', 'changes.standfirst', 'changes.body[*].text', 'changes.body[*].attribution'],
  ContributorAdded: ['contributor.name', 'contributor.affiliation'],
  ContributorRemoved: ['name'],
  PhotoAttached: ['photo.caption', 'photo.credit', 'photo.altText', 'photo.rights'],
  PhotoUpdated: ['changes.caption', 'changes.credit', 'changes.altText', 'changes.rights'],
  PhotoDetached: [],
  SubmittedForReview: [],
  ChangesRequested: ['note'],
  ArticleApproved: [],
  ArticlePublished: [],
  PublicationScheduled: [],
  ScheduleCancelled: [],
  ArticleUnpublished: ['reason'],
  CorrectionIssued: ['correction.text'],
  ReporterAssigned: [],
  ReporterUnassigned: [],
  ContributionMerged: [
    'blocks[*].text',
    'blocks[*].attribution',
    'photos[*].caption',
    'photos[*].credit',
    'photos[*].altText',
    'photos[*].rights',
    'contributor.name',
    'contributor.affiliation',
  ],
  RedactionRequested: ['passage'],
  RedactionDeclined: [],
  ContentRedacted: [
    'working.headline',
    'working.standfirst',
    'working.body[*].text',
    'working.body[*].attribution',
    'working.contributors[*].name',
    'working.contributors[*].affiliation',
    'working.photos[*].caption',
    'working.photos[*].credit',
    'working.photos[*].altText',
    'working.photos[*].rights',
    'live.headline',
    'live.standfirst',
    'live.body[*].text',
    'live.body[*].attribution',
    'live.contributors[*].name',
    'live.contributors[*].affiliation',
    'live.photos[*].caption',
    'live.photos[*].credit',
    'live.photos[*].altText',
    'live.photos[*].rights',
    'corrections[*].text',
    'note',
  ],
  ContributionSubmitted: [
    'blocks[*].text',
    'blocks[*].attribution',
    'photos[*].caption',
    'photos[*].credit',
    'photos[*].altText',
    'photos[*].rights',
    'note',
    'credit.name',
    'credit.affiliation',
  ],
  ContributionRevised: [
    'changes.blocks[*].text',
    'changes.blocks[*].attribution',
    'changes.photos[*].caption',
    'changes.photos[*].credit',
    'changes.photos[*].altText',
    'changes.photos[*].rights',
    'changes.note',
    'changes.credit.name',
    'changes.credit.affiliation',
  ],
  ContributionWithdrawn: [],
  ContributionChangesRequested: ['note'],
  ContributionAccepted: ['credit.name', 'credit.affiliation'],
  ContributionRejected: ['reason'],
  ContributionRedacted: [],
};
// </redactable-fields>

/** The values at the patterns' paths, with their concrete paths (`changes.body[3].text`). */
function fieldsIn(data, patterns) {
  const out = [];
  for (const pattern of patterns) {
    const steps = pattern.split('.').map((p) => (p.endsWith('[*]') ? [p.slice(0, -3), true] : [p, false]));
    const walk = (node, i, path) => {
      if (i === steps.length) return void out.push({ path, value: node });
      if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
      const [key, each] = steps[i];
      if (!Object.hasOwn(node, key) || node[key] === undefined) return;
      const at = path ? `${path}.${key}` : key;
      if (!each) return walk(node[key], i + 1, at);
      if (Array.isArray(node[key])) node[key].forEach((item, j) => walk(item, i + 1, `${at}[${j}]`));
    };
    walk(data, 0, '');
  }
  return out;
}

/** Every object holding `member` in a JSON value, with its path; not inside one found. */
function objectsWith(member, node, path = '', out = []) {
  if (node === null || typeof node !== 'object') return out;
  if (Array.isArray(node)) node.forEach((item, i) => objectsWith(member, item, `${path}[${i}]`, out));
  else if (Object.hasOwn(node, member)) out.push({ path, value: node[member] });
  else for (const k of Object.keys(node)) objectsWith(member, node[k], path ? `${path}.${k}` : k, out);
  return out;
}

const NOTICE = ['legalBasis', 'redactedAt', 'redactionId', 'reference'];
const isNotice = (n) =>
  n !== null &&
  typeof n === 'object' &&
  !Array.isArray(n) &&
  Object.keys(n).sort().join() === NOTICE.join() &&
  NOTICE.every((k) => typeof n[k] === 'string');

/**
 * An event that fails its hash: erased in place (every "$erased" a well-formed order at a redactable
 * field of its type), or why not, so that "$erased" cannot hide any other change.
 */
function erasureOf(e) {
  const found = objectsWith('$erased', e.data);
  const inMetadata = objectsWith('$erased', e.metadata, 'metadata');
  if (found.length === 0 && inMetadata.length === 0) return { problem: null };
  if (inMetadata.length > 0) return { problem: `holds "$erased" at ${inMetadata[0].path}, not a redactable field` };
  const allowed = new Map(fieldsIn(e.data, REDACTABLE_FIELDS[e.type] ?? []).map((f) => [f.path, f.value]));
  for (const { path } of found) {
    if (!allowed.has(path))
      return { problem: `holds "$erased" at ${path || 'data'}, not a redactable field of ${e.type}` };
    const v = allowed.get(path);
    if (Object.keys(v).length !== 1 || !isNotice(v.$erased))
      return { problem: `holds a malformed "$erased" at ${path}` };
  }
  return { erased: found.map((f) => f.path) };
}

/** RFC 8785 canonical JSON, as the event store hashes it (loops rather than map/join: it is the hot path). */
function canonicalJson(value) {
  if (value !== null && typeof value === 'object') {
    if (typeof value.toJSON === 'function') return canonicalJson(value.toJSON());
    if (Array.isArray(value)) {
      let out = '[';
      for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonicalJson(value[i]);
      return `${out}]`;
    }
    let out = '{';
    for (const k of Object.keys(value).sort()) {
      if (value[k] === undefined) continue;
      out += (out.length === 1 ? '' : ',') + JSON.stringify(k) + ':' + canonicalJson(value[k]);
    }
    return `${out}}`;
  }
  if (typeof value?.toJSON === 'function') return canonicalJson(value.toJSON());
  return JSON.stringify(value ?? null);
}

const HASHED = ['eventId', 'streamId', 'version', 'type', 'schemaVersion', 'data', 'metadata', 'occurredAt'];
const ENTRY = [...HASHED, 'prevHash', 'hash'].sort();
/** The log entry's members that the chain link's hash leaves out. */
const LINK = new Set(['prevHash', 'hash']);

/**
 * The two texts an event is hashed as, its chain link's and its log entry's, from one
 * canonicalisation of each member: an object of these keys, canonical, is its sorted members joined,
 * and the chain link's keys are the entry's without the link itself, in the same order.
 */
function canonicalTexts(e) {
  let [chained, entry] = ['{', '{'];
  for (const k of ENTRY) {
    if (e[k] === undefined) continue;
    const member = `${JSON.stringify(k)}:${canonicalJson(e[k])}`;
    entry += (entry.length === 1 ? '' : ',') + member;
    if (!LINK.has(k)) chained += (chained.length === 1 ? '' : ',') + member;
  }
  return { chained: `${chained}}`, entry: `${entry}}` };
}
const chainHash = (prevHash, chained) =>
  crypto.hash
    ? crypto.hash('sha256', `${prevHash}\n${chained}`, 'hex')
    : createHash('sha256').update(prevHash).update('\n').update(chained).digest('hex');

/**
 * RFC 9162 §2.1.3.2, over one tree for many leaves. `proven` remembers each subtree hash met on a
 * path that reached the root: a later path that arrives at the same subtree with the same hash is
 * proven there, as the root commits to that subtree. The proofs of neighbouring leaves share most
 * of their path, so each shared node is hashed once rather than once per leaf.
 */
function inclusionVerifier(size, root) {
  const proven = new Map();
  return (index, leaf, proof) => {
    if (!(Number.isSafeInteger(index) && Number.isSafeInteger(size) && index >= 0 && index < size)) return false;
    let [fn, sn, r, level] = [index, size - 1, leaf, 0];
    const path = [];
    const climb = () => {
      [fn, sn, level] = [half(fn), half(sn), level + 1];
    };
    for (const text of proof) {
      // A node's key: its index and level in one number (indexes stay below 2^47 in any real log).
      const key = fn * 64 + level;
      const known = proven.get(key);
      if (known && known.equals(r)) return true;
      path.push(key, r);
      const p = Buffer.from(text, 'base64');
      if (sn === 0 || p.length !== 32) return false;
      if (odd(fn) || fn === sn) {
        r = nodeHash(p, r);
        if (!odd(fn)) while (!odd(fn) && fn !== 0) climb();
      } else r = nodeHash(r, p);
      climb();
    }
    if (!(sn === 0 && r.equals(root))) return false;
    for (let i = 0; i < path.length; i += 2) proven.set(path[i], path[i + 1]);
    return true;
  };
}

/**
 * The root that leaf hashes at ascending indexes and a multiproof make in a tree of `size` (RFC
 * 6962's shape, as the log's multiInclusionProof builds it), or null when the proof does not fit:
 * the proof holds, left to right, each subtree without any of the leaves whose sibling has some.
 */
function rootFromMultiProof(size, indexes, leaves, proof) {
  if (!(Number.isSafeInteger(size) && size >= 1) || indexes.length === 0) return null;
  for (let k = 0; k < indexes.length; k++) {
    const i = indexes[k];
    if (!(Number.isSafeInteger(i) && i >= 0 && i < size && (k === 0 || i > indexes[k - 1]))) return null;
  }
  if (proof.some((p) => p.length !== 32) || leaves.some((l) => l.length !== 32)) return null;
  let next = 0;
  const walk = (start, end, from, to) => {
    if (from === to) return next < proof.length ? proof[next++] : null;
    if (end - start === 1) return leaves[from];
    let k = 1;
    while (k * 2 < end - start) k *= 2;
    const mid = start + k;
    let [cut, hi] = [from, to];
    while (cut < hi) {
      const m = (cut + hi) >>> 1;
      if (indexes[m] < mid) cut = m + 1;
      else hi = m;
    }
    const left = walk(start, mid, from, cut);
    const right = left && walk(mid, end, cut, to);
    return right && nodeHash(left, right);
  };
  const root = walk(0, size, 0, indexes.length);
  return root && next === proof.length ? root : null;
}

/** RFC 9162 §2.1.4.2. */
function verifyConsistency(size1, size2, root1, root2, proof) {
  if (!(Number.isSafeInteger(size1) && Number.isSafeInteger(size2) && size1 >= 1 && size1 <= size2)) return false;
  if (size1 === size2) return proof.length === 0 && root1.equals(root2);
  if (proof.length === 0 || proof.some((p) => p.length !== 32)) return false;
  const path = Number.isInteger(Math.log2(size1)) ? [root1, ...proof] : [...proof];
  let [fn, sn] = [size1 - 1, size2 - 1];
  while (odd(fn)) [fn, sn] = [half(fn), half(sn)];
  let [fr, sr] = [path[0], path[0]];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      [fr, sr] = [nodeHash(c, fr), nodeHash(c, sr)];
      if (!odd(fn)) while (!odd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else sr = nodeHash(sr, c);
    [fn, sn] = [half(fn), half(sn)];
  }
  return fr.equals(root1) && sr.equals(root2) && sn === 0;
}

/** A C2SP verifier key: `<name>+<hex key id>+<base64(0x01 ‖ Ed25519 public key)>`. */
function parseVerifierKey(text) {
  const parts = text.trim().split('+');
  const raw = Buffer.from(parts.slice(2).join('+'), 'base64');
  if (parts.length < 3 || raw.length !== 33 || raw[0] !== 1)
    throw new Error('--key is not an Ed25519 C2SP verifier key');
  const [name, id] = parts;
  const keyId = sha256(Buffer.from(`${name}\n`), raw).subarray(0, 4);
  if (keyId.toString('hex') !== id) throw new Error('--key has a key id that does not match its key');
  const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), raw.subarray(1)]);
  return { name, keyId, publicKey: createPublicKey({ key: spki, format: 'der', type: 'spki' }) };
}

/** Opens a tlog-checkpoint signed note with the pinned key: { origin, size, root }, or a reason. */
function openCheckpoint(note, key) {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) return { problem: 'is not a signed note' };
  const text = note.slice(0, split + 1);
  let signed = false;
  for (const line of note.slice(split + 2, -1).split('\n')) {
    const m = /^— (\S+) ([A-Za-z0-9+/=]+)$/.exec(line);
    if (!m) return { problem: 'has a malformed signature line' };
    const blob = Buffer.from(m[2], 'base64');
    if (m[1] !== key.name || !blob.subarray(0, 4).equals(key.keyId)) continue;
    if (!verify(null, Buffer.from(text), key.publicKey, blob.subarray(4)))
      return { problem: 'has a signature that does not verify' };
    signed = true;
  }
  if (!signed) return { problem: `is not signed by the pinned key ${key.name}+${key.keyId.toString('hex')}` };
  const [origin, size, root] = text.split('\n');
  if (origin !== key.name) return { problem: `is for log ${origin}, not ${key.name}` };
  if (!/^\d{1,16}$/.test(size) || Buffer.from(root, 'base64').length !== 32)
    return { problem: 'is not a tlog checkpoint' };
  return { origin, size: Number(size), root: Buffer.from(root, 'base64') };
}

const ndjson = (dir, file) =>
  readFileSync(join(dir, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l));
const b64s = (list) => list.map((p) => Buffer.from(p, 'base64'));

function checkCheckpoints(dir, key, knownFile) {
  const kept = ndjson(dir, 'checkpoints.ndjson');
  if (kept.length === 0) throw new Failure('checkpoints: the bundle holds none');
  const opened = kept.map(({ note }) => {
    const c = openCheckpoint(note, key);
    if (c.problem) throw new Failure(`checkpoint ${note.split('\n')[1]}: ${c.problem}`);
    return c;
  });
  const latest = opened.at(-1);
  const larger = opened.find((c) => c.size > latest.size);
  if (larger)
    throw new Failure(
      `checkpoint ${latest.size}: presented as latest, but checkpoint ${larger.size} is newer (rolled back)`,
    );
  const proofs = new Map(ndjson(dir, 'proofs/consistency.ndjson').map((p) => [`${p.from}/${p.to}`, b64s(p.proof)]));
  for (const c of opened.slice(0, -1)) {
    const proof = proofs.get(`${c.size}/${latest.size}`) ?? [];
    if (!verifyConsistency(c.size, latest.size, c.root, latest.root, proof)) {
      throw new Failure(`checkpoint ${c.size}: the latest checkpoint ${latest.size} does not extend it`);
    }
  }
  if (knownFile) {
    const known = openCheckpoint(readFileSync(knownFile, 'utf8'), key);
    if (known.problem) throw new Failure(`known checkpoint: ${known.problem}`);
    if (known.size > latest.size) {
      throw new Failure(`checkpoint ${latest.size}: older than the known checkpoint ${known.size} (rolled back)`);
    }
    const same = opened.find((c) => c.size === known.size);
    if (!same || !same.root.equals(known.root)) {
      throw new Failure(`checkpoint ${latest.size}: does not contain the known checkpoint ${known.size}`);
    }
  }
  return latest;
}

/** The first bad version of one article, or null; `erased` collects the versions erased in place. */
function checkArticle(events, leaves, proofs, latest, included, erased) {
  const problems = [];
  const texts = new Map(events.map((e) => [e, canonicalTexts(e)]));
  let prevHash = '0'.repeat(64);
  events.forEach((e, i) => {
    if (e.version !== i + 1) problems.push([i + 1, `version ${i + 1} is missing`]);
    else if (e.prevHash !== prevHash) problems.push([e.version, 'prev_hash does not match the previous event']);
    else if (chainHash(prevHash, texts.get(e).chained) !== e.hash) {
      const erasure = erasureOf(e);
      const reason = 'event content does not match its hash';
      if (erasure.erased) erased.add(e);
      else problems.push([e.version, erasure.problem ? `${reason}: it ${erasure.problem}` : reason]);
    }
    prevHash = e.hash;
  });
  const byVersion = new Map(events.map((e) => [e.version, e]));
  const first = new Map();
  for (const leaf of leaves) {
    if (leaf.leafIndex >= latest.size) continue;
    if (first.has(leaf.version))
      problems.push([leaf.version, `entered the log twice (leaf ${leaf.leafIndex}): rewritten`]);
    else first.set(leaf.version, leaf);
  }
  for (const [version, leaf] of first) {
    const e = byVersion.get(version);
    if (!e) {
      problems.push([version, `is in the signed log (leaf ${leaf.leafIndex}) but not in the bundle's events`]);
      continue;
    }
    const proof = proofs?.get(leaf.leafIndex) ?? [];
    if (erased.has(e)) {
      // Its content cannot be recomputed: the leaf the log recorded for it, proven in the signed tree, vouches.
      if (!included.recorded?.(leaf.leafIndex))
        problems.push([version, `is erased, and the bundle proves no recorded leaf for it (format 2 does)`]);
    } else if (!included(leaf.leafIndex, leafHashOfText(texts.get(e).entry), proof)) {
      problems.push([version, `differs from what the signed log recorded at leaf ${leaf.leafIndex}`]);
    }
  }
  for (const e of events)
    if (!first.has(e.version)) problems.push([e.version, 'is not in the latest signed checkpoint']);
  return problems.sort(([a], [b]) => a - b)[0] ?? null;
}

/**
 * Format 2: the leaf hashes the bundle lists for the latest checkpoint's tree, proven all at once by
 * its multiproof; an event then holds when its own leaf hash is the one recorded at its leaf.
 */
function recordedLeaves(latest, leaves, multi) {
  if (multi.treeSize !== latest.size)
    throw new Failure(`checkpoint ${latest.size}: the bundle's inclusion proof is for tree ${multi.treeSize}`);
  const recorded = new Map();
  for (const l of leaves) {
    if (l.leafIndex >= latest.size) continue;
    const hash = Buffer.from(l.leafHash ?? '', 'base64');
    if (recorded.has(l.leafIndex)) throw new Failure(`log leaves: leaf ${l.leafIndex} is listed twice`);
    recorded.set(l.leafIndex, hash);
  }
  if (recorded.size > 0) {
    const indexes = [...recorded.keys()].sort((a, b) => a - b);
    const root = rootFromMultiProof(
      latest.size,
      indexes,
      indexes.map((i) => recorded.get(i)),
      b64s(multi.proof),
    );
    if (!root?.equals(latest.root))
      throw new Failure(`log leaves: the leaf hashes listed do not lead to the root of checkpoint ${latest.size}`);
  }
  const included = (index, leaf) => recorded.get(index)?.equals(leaf) === true;
  included.recorded = (index) => recorded.has(index);
  return included;
}

function groupBy(items, keyOf) {
  const groups = new Map();
  for (const item of items) {
    const key = keyOf(item);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(item);
  }
  return groups;
}

/**
 * What the events hold in place of redactable text: "encrypted" (no key in the bundle), "key destroyed"
 * (redactions.json names the order) or "erased" (in place, the event names the order). Informational:
 * nothing here changes the verdict. A claim is confirmed when a ContentRedacted event of the bundle,
 * itself verified (not erased), records that field under that order.
 */
function fieldReport(dir, events, erased) {
  let claims = new Map();
  let fileProblem = null;
  let text = null;
  try {
    text = readFileSync(join(dir, 'redactions.json'), 'utf8');
  } catch {
    fileProblem = 'absent';
  }
  if (text !== null) {
    try {
      const parsed = JSON.parse(text);
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      const entries = Object.entries(parsed);
      claims = new Map(entries.filter(([, n]) => isNotice(n)));
      if (claims.size < entries.length) fileProblem = `${entries.length - claims.size} entries not understood, ignored`;
    } catch {
      fileProblem = 'unreadable, ignored';
    }
  }
  const recorded = new Map();
  for (const e of events) {
    if (e.type !== 'ContentRedacted' || erased.has(e) || e.data === null || typeof e.data !== 'object') continue;
    for (const ref of [
      ...(Array.isArray(e.data.fields) ? e.data.fields : []),
      ...(Array.isArray(e.data.erased) ? e.data.erased : []),
    ]) {
      recorded.set(`${ref?.eventId} ${ref?.path}`, { redactionId: e.data.redactionId, version: e.version });
    }
  }
  const detail = [];
  const confirmation = (e, path, notice) => {
    const r = recorded.get(`${e.eventId} ${path}`);
    return r && r.redactionId === notice.redactionId ? r.version : null;
  };
  for (const e of events) {
    const article = e.streamId.replace(/^article-/, '');
    for (const { path, value } of objectsWith('$enc', e.data)) {
      const notice = claims.get(value?.kid);
      if (!notice) detail.push({ article, version: e.version, path, status: 'encrypted' });
      else {
        const confirmedBy = confirmation(e, path, notice);
        detail.push({ article, version: e.version, path, status: 'key destroyed', redaction: notice, confirmedBy });
      }
    }
    if (!erased.has(e)) continue;
    for (const { path, value } of objectsWith('$erased', e.data)) {
      detail.push({
        article,
        version: e.version,
        path,
        status: 'erased',
        redaction: value,
        confirmedBy: confirmation(e, path, value),
      });
    }
  }
  const count = (status) => detail.filter((d) => d.status === status).length;
  const orders = new Map();
  for (const d of detail.filter((x) => x.redaction)) {
    const o = orders.get(d.redaction.redactionId) ?? { ...d.redaction, keysDestroyed: 0, erased: 0 };
    if (d.status === 'erased') o.erased += 1;
    else o.keysDestroyed += 1;
    orders.set(o.redactionId, o);
  }
  return {
    fields: { encrypted: count('encrypted'), keyDestroyed: count('key destroyed'), erased: count('erased') },
    redactions: [...orders.values()],
    redactionsFile: { informational: true, problem: fileProblem },
    detail,
  };
}

const orderText = (n) => `${n.redactionId} on ${n.redactedAt} (${n.legalBasis}, ${n.reference})`;
function describeField(d) {
  if (d.status === 'encrypted') return 'encrypted (no key in the bundle)';
  const what =
    d.status === 'erased'
      ? `erased under order ${orderText(d.redaction)}`
      : `key destroyed by redaction ${orderText(d.redaction)}`;
  if (d.confirmedBy !== null) return `${what}, recorded by ContentRedacted at version ${d.confirmedBy}`;
  const by = d.status === 'erased' ? 'the event alone' : 'redactions.json alone';
  return `${what}, recorded by no ContentRedacted event of this bundle (${by} says so)`;
}

function reportText(report, verbose) {
  const { fields, redactions, redactionsFile, detail } = report;
  const lines = [
    `fields: ${fields.encrypted} encrypted, ${fields.keyDestroyed} key destroyed by a redaction, ${fields.erased} erased by a redaction`,
  ];
  for (const o of redactions)
    lines.push(`redaction ${orderText(o)}: ${o.keysDestroyed} keys destroyed, ${o.erased} fields erased`);
  lines.push(
    `redactions.json is informational: it is not signed and changes no verdict` +
      (redactionsFile.problem ? ` (${redactionsFile.problem})` : ''),
  );
  if (verbose)
    for (const d of detail) lines.push(`  article ${d.article} version ${d.version} ${d.path}: ${describeField(d)}`);
  return `${lines.join('\n')}\n`;
}

function main(argv) {
  const dir = argv[0];
  const keyAt = argv.indexOf('--key');
  const knownAt = argv.indexOf('--known');
  const [verbose, json] = [argv.includes('--verbose'), argv.includes('--json')];
  if (!dir || dir.startsWith('--') || keyAt < 0 || !argv[keyAt + 1]) {
    process.stderr.write(
      'usage: node verify-bundle.mjs <bundle-dir> --key <verifier key> [--known <checkpoint file>] [--verbose | --json]\n',
    );
    return 2;
  }
  let key, manifest, events, leaves, proofs;
  try {
    key = parseVerifierKey(argv[keyAt + 1]);
    manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    if (!FORMATS.includes(manifest.format))
      throw new Error(`its format ${manifest.format} is not one this verifier reads (${FORMATS.join(', ')})`);
    events = ndjson(dir, 'events.ndjson');
    leaves = ndjson(dir, 'log-leaves.ndjson');
    proofs =
      manifest.format === FORMATS[0]
        ? new Map(ndjson(dir, 'proofs/inclusion.ndjson').map((p) => [p.leafIndex, p.proof]))
        : JSON.parse(readFileSync(join(dir, 'proofs/inclusion.json'), 'utf8'));
  } catch (err) {
    process.stderr.write(`cannot read the bundle: ${err.message}\n`);
    return 2;
  }
  try {
    const latest = checkCheckpoints(dir, key, knownAt >= 0 ? argv[knownAt + 1] : undefined);
    const streams = [...new Set([...manifest.streams.map((s) => s.streamId), ...events.map((e) => e.streamId)])];
    const eventsOf = groupBy(events, (e) => e.streamId);
    const leavesOf = groupBy(leaves, (l) => l.streamId);
    const included =
      proofs instanceof Map ? inclusionVerifier(latest.size, latest.root) : recordedLeaves(latest, leaves, proofs);
    const erased = new Set();
    for (const streamId of streams) {
      const own = (eventsOf.get(streamId) ?? []).sort((a, b) => a.version - b.version);
      const bad = checkArticle(
        own,
        leavesOf.get(streamId) ?? [],
        proofs instanceof Map ? proofs : null,
        latest,
        included,
        erased,
      );
      if (bad) throw new Failure(`article ${streamId.replace(/^article-/, '')} version ${bad[0]}: ${bad[1]}`);
    }
    const message = `OK: ${events.length} events of ${streams.length} articles hold, in checkpoint ${latest.size} of ${latest.origin}`;
    // Only once the verdict is reached: nothing the report reads can change it.
    const report = fieldReport(dir, events, erased);
    if (json) {
      const checkpoint = { size: latest.size, origin: latest.origin };
      const out = { ok: true, message, events: events.length, articles: streams.length, checkpoint, ...report };
      process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    } else process.stdout.write(`${message}\n${reportText(report, verbose)}`);
    return 0;
  } catch (err) {
    if (!(err instanceof Failure)) throw err;
    const message = `FAIL: ${err.message}`;
    process.stdout.write(json ? `${JSON.stringify({ ok: false, message }, null, 2)}\n` : `${message}\n`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
