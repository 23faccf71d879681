import { waitFor } from '@newsroom/testing';
import type { SystemHarness } from '@newsroom/testing-system';
import { newsroomClient } from './newsroom.client';
import { startNewsroom } from './newsroom.harness';

// Issue #12's heavier route over HTTP: a story written before field encryption was switched on (an
// API with FIELD_ENCRYPTION=false stores it in plaintext) holds a source's name that no key can
// remove. The redaction erases those fields in place, in its own transaction, and every proof holds.

const SOURCE = 'Ilse Vogelsang';
const ORDER = { reason: 'Erasure request', legalBasis: 'GDPR Art. 17', reference: 'DPO-2026-31' };

let api: SystemHarness;
let client: ReturnType<typeof newsroomClient>;
beforeAll(async () => {
  process.env.FIELD_ENCRYPTION = 'false';
  api = await startNewsroom('redaction_plaintext');
  client = newsroomClient(api);
});
afterAll(async () => {
  delete process.env.FIELD_ENCRYPTION;
  await api.close();
});

const storedText = async (id: string) =>
  (
    await api.db.dataSource.query(`SELECT string_agg(data::text, '\n') AS t FROM events WHERE stream_id = $1`, [
      `article-${id}`,
    ])
  )[0].t as string;

describe('a story stored in plaintext before encryption', () => {
  let id = '';

  beforeAll(async () => {
    const reporter = await client.as('reporter');
    const draft = await api
      .http()
      .post('/api/articles')
      .set(reporter)
      .send({
        headline: 'Harbour dues to rise',
        body: [{ type: 'paragraph', text: `The figures came from ${SOURCE} at the port authority.` }],
      })
      .expect(201);
    id = draft.body.id;
    await api
      .http()
      .post(`/api/articles/${id}/contributors`)
      .set(reporter)
      .send({ name: SOURCE, role: 'contributor' })
      .expect(201);
    await client.articleAt(id, 2);
  });

  it('holds the name in plaintext, where no key can remove it', async () => {
    expect(await storedText(id)).toContain(SOURCE);
    expect(await storedText(id)).not.toContain('"$enc"');
  });

  describe('once an admin redacts it', () => {
    beforeAll(async () => {
      const admin = await client.as('admin');
      // An event the sequencer has not logged yet cannot be erased (nothing would vouch for it):
      // the order is refused with nothing changed, and goes through once it is logged.
      await waitFor(
        'the redaction to be accepted',
        async () => {
          const res = await api
            .http()
            .post(`/api/articles/${id}/redactions`)
            .set(admin)
            .send({ passage: SOURCE, ...ORDER });
          if (res.status === 409) expect(res.body.code).toBe('REDACTION_NEEDS_ERASURE');
          else expect(res.status).toBe(201);
          return res.status === 201;
        },
        30_000,
        500,
      );
      await client.articleAt(id, 3);
    });

    it('is gone from every stored event, which keeps its hash', async () => {
      const text = await storedText(id);
      expect(text).not.toContain(SOURCE);
      expect(text).toContain('"$erased"');
    });

    it('still verifies, naming the events it vouches for by their links', async () => {
      const res = await api
        .http()
        .get(`/api/articles/${id}/verify`)
        .set(await client.as('auditor'))
        .expect(200);
      expect(res.body).toMatchObject({ valid: true, events: 3 });
      expect(res.body.erased.map((e: { version: number }) => e.version)).toEqual([1, 2]);
    });

    it('reads the erased fields as redacted in history, and the rest of each as re-issued', async () => {
      const auditor = await client.as('auditor');
      const first = await api.http().get(`/api/articles/${id}/versions/1`).set(auditor).expect(200);
      expect(JSON.stringify(first.body)).not.toContain(SOURCE);
      expect(JSON.stringify(first.body)).toContain(ORDER.reference);
      const now = await client.articleAt(id, 3);
      expect(now.working.body[0].text).toContain('at the port authority.');
      expect(JSON.stringify(now)).not.toContain(SOURCE);
    });
  });
});
