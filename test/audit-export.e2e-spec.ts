import { get, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiHarness } from '@newsroom/testing-system';
import { startNewsroomApi } from './newsroom.harness';

// Bug: an export that failed after its header was a 200 with a cut-off file, indistinguishable
// from a complete one. A complete export now ends with its count; a failed one is an aborted transfer.

let api: ApiHarness;
let port: number;
let auditor: string;
beforeAll(async () => {
  api = await startNewsroomApi('audit_export');
  await api.app.listen(0, '127.0.0.1');
  port = (api.app.getHttpServer().address() as AddressInfo).port;
  auditor = `Bearer ${await api.tokenFor('auditor')}`;
});
afterAll(() => api.close());

interface Download {
  status: number;
  text: string;
  trailers: IncomingHttpHeaders;
  /** The transfer broke before the body's proper end. */
  aborted: boolean;
}

/** A raw GET that sees what supertest hides: the trailers, and whether the body ended or broke. */
function download(path: string): Promise<Download> {
  return new Promise((resolve, reject) => {
    const req = get({ host: '127.0.0.1', port, path, headers: { Authorization: auditor } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      const done = (aborted: boolean) => resolve({ status: res.statusCode!, text, trailers: res.trailers, aborted });
      res.on('end', () => done(res.complete === false));
      res.on('error', () => done(true));
      res.on('aborted', () => done(true));
    });
    req.on('error', reject);
  });
}

/** Audit entries written straight into the read model: `n` ordinary ones from 2030 on. */
async function entries(n: number, occurredAt = `timestamptz '2030-01-01' + g * interval '1 second'`) {
  await api.db.dataSource.query(
    `INSERT INTO audit_trail (article_id, version, event_id, type, occurred_at, actor_id, actor_name, actor_role,
       summary, changes, position)
     SELECT gen_random_uuid(), 1, gen_random_uuid(), 'ArticleDrafted', ${occurredAt}, 'u-editor', 'Eda Editor',
       'editor', 'drafted', '[]'::jsonb, g
     FROM generate_series(1, $1) g`,
    [n],
  );
}

describe('exporting the audit log', () => {
  beforeAll(() => entries(3));

  it('ends a complete NDJSON export with a summary line and the count in its trailers', async () => {
    const res = await download('/api/audit/export?format=ndjson');

    const lines = res.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(res.aborted).toBe(false);
    expect(lines).toHaveLength(4);
    expect(lines.at(-1)).toEqual({ complete: true, count: 3 });
    expect(res.trailers).toMatchObject({ 'x-export-complete': 'true', 'x-export-count': '3' });
  });

  it('keeps a complete CSV export plain rows, with the count in its trailers', async () => {
    const res = await download('/api/audit/export?format=csv');

    expect(res.aborted).toBe(false);
    expect(res.text.trim().split('\n')).toHaveLength(1 + 3);
    expect(res.trailers).toMatchObject({ 'x-export-complete': 'true', 'x-export-count': '3' });
  });

  describe('when a page fails after the first lines were sent', () => {
    // An entry no export can write (its time is infinity), sorted last, on the second page of 1,000.
    beforeAll(async () => {
      await entries(1000);
      await entries(1, `'infinity'::timestamptz`);
    });

    it.each(['ndjson', 'csv'])('aborts the %s transfer instead of ending it cleanly', async (format) => {
      const res = await download(`/api/audit/export?format=${format}`);

      expect(res.status).toBe(200);
      expect(res.text.split('\n').length).toBeGreaterThan(1000);
      expect(res.aborted).toBe(true);
      expect(res.trailers).not.toHaveProperty('x-export-complete');
      expect(res.text).not.toContain('"complete":true');
    });
  });
});
