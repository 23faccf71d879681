import {
  generateSignerKey,
  parseSignerKey,
  PostgresEventStore,
  verifierKeyOf,
  type NoteSigner,
  type StoredEvent,
} from '@newsroom/event-store';
import type { ApiHarness } from '@newsroom/testing-system';
import { startNewsroomApi } from './newsroom.harness';

type Auth = { Authorization: string };

/** What the audit e2e suites share: the API with a pinned signing key, sessions, articles, signing. */
export interface AuditLogSuite {
  readonly api: ApiHarness;
  /** The log's signer, set as AUDIT_SIGNING_KEY for the API. */
  readonly signer: NoteSigner;
  /** Its C2SP verifier key, the one an auditor pins. */
  readonly key: string;
  readonly auditor: Auth;
  readonly editor: Auth;
  as(role: 'admin' | 'auditor' | 'editor'): Promise<Auth>;
  /** An article with `versions` versions (headline edits); `signed`: a checkpoint covers it after. */
  article(versions: number, opts?: { signed?: boolean }): Promise<string>;
  /** Signs a checkpoint now, as the log does every few seconds (POST, admin); answers it. */
  signNow(): Promise<{ treeSize: number; note: string }>;
  eventsOf(id: string): Promise<StoredEvent[]>;
  /** GET /api/articles/:id/verify as an auditor; answers the body. */
  verify(id: string): Promise<any>;
}

/**
 * Starts the API for one suite on its own schema with its own signing key and checkpoints on demand
 * only (each test decides when one is signed), and stops it after. Call at the top of a spec file.
 */
export function auditLogSuite(label: string): AuditLogSuite {
  const signerKey = generateSignerKey('newsroom.test/audit-log');
  const signer = parseSignerKey(signerKey);
  let api: ApiHarness | undefined;
  const sessions = new Map<string, Auth>();
  const started = () => {
    if (!api) throw new Error('the audit suite has not started: use it inside tests or hooks');
    return api;
  };
  const suite: AuditLogSuite = {
    get api() {
      return started();
    },
    signer,
    key: verifierKeyOf(signer),
    get auditor() {
      return sessions.get('auditor')!;
    },
    get editor() {
      return sessions.get('editor')!;
    },
    async as(role) {
      if (!sessions.has(role)) sessions.set(role, { Authorization: `Bearer ${await started().tokenFor(role)}` });
      return sessions.get(role)!;
    },
    async article(versions, { signed = false } = {}) {
      const http = () => started().http();
      const { body } = await http()
        .post('/api/articles')
        .set(suite.editor)
        .send({ headline: 'Harbour reopens' })
        .expect(201);
      for (let v = 1; v < versions; v++) {
        await http()
          .patch(`/api/articles/${body.id}`)
          .set(suite.editor)
          .set('If-Match', `"${v}"`)
          .send({ headline: `Harbour reopens, take ${v + 1}` })
          .expect(200);
      }
      if (signed) await suite.signNow();
      return body.id;
    },
    async signNow() {
      const res = await started()
        .http()
        .post('/api/audit/checkpoints')
        .set(await suite.as('admin'))
        .expect(200);
      return res.body;
    },
    eventsOf: (id) => new PostgresEventStore(started().db.dataSource).readStream(`article-${id}`),
    async verify(id) {
      return (await started().http().get(`/api/articles/${id}/verify`).set(suite.auditor).expect(200)).body;
    },
  };
  beforeAll(async () => {
    process.env.AUDIT_SIGNING_KEY = signerKey;
    process.env.AUDIT_CHECKPOINT_INTERVAL_MS = '3600000';
    api = await startNewsroomApi(label);
    await suite.as('auditor');
    await suite.as('editor');
  });
  afterAll(async () => {
    delete process.env.AUDIT_SIGNING_KEY;
    delete process.env.AUDIT_CHECKPOINT_INTERVAL_MS;
    await api?.close();
  });
  return suite;
}
