import { createServer } from 'node:net';
import type { SystemHarness } from '@newsroom/testing-system';
import { waitFor } from '@newsroom/testing';
import { stopChild } from '@newsroom/testing-system';
import { newsroomClient } from './newsroom.client';
import { startNewsroom } from './newsroom.harness';

// An operator's Prometheus scrapes the API on its own port and each projector on its metrics port.
// After some traffic, the named series exist with the values the traffic implies.

let sys: SystemHarness;
let client: ReturnType<typeof newsroomClient>;
let projectorPort: number;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });

beforeAll(async () => {
  sys = await startNewsroom('metrics');
  client = newsroomClient(sys);
  projectorPort = await freePort();
  await stopChild(sys.children.get('projector')!);
  sys.startApp('projector', { PROJECTOR_METRICS_PORT: String(projectorPort) });
});
afterAll(() => sys.close());

/** The value of one series in Prometheus' text format, or undefined when it is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const m = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = m[2] ? m[2].split(/,(?=[a-z_]+=")/) : [];
    if (wanted.every((w) => have.includes(w)) && have.length === wanted.length) return Number(m[3]);
  }
  return undefined;
}

describe('metrics', () => {
  it('the API counts requests by route pattern and status, commands by outcome, and the outbox and lag', async () => {
    const editor = await client.as('editor');
    const draft = await sys.http().post('/api/articles').set(editor).send({ headline: 'Metered' }).expect(201);
    const id = draft.body.id as string;
    await sys
      .http()
      .patch(`/api/articles/${id}`)
      .set(editor)
      .set('If-Match', '"7"')
      .send({ headline: 'x' })
      .expect(412);
    await sys.http().post(`/api/articles/${id}/publish`).set(editor).send({}).expect(409);
    await sys.http().post('/api/articles').set(editor).send({ headline: '' }).expect(400);
    await client.articleAt(id, 1);

    const res = await sys.http().get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const text = res.text;
    const requests = 'newsroom_http_request_duration_seconds_count';
    expect(sample(text, requests, { method: 'POST', route: '/api/articles', status: '201' })).toBe(1);
    expect(sample(text, requests, { method: 'PATCH', route: '/api/articles/:id', status: '412' })).toBe(1);
    expect(sample(text, requests, { method: 'GET', route: '/api/articles/:id', status: '200' })).toBeGreaterThan(0);
    expect(text).not.toContain(id); // route patterns, never the raw URL
    const commands = 'newsroom_commands_total';
    expect(sample(text, commands, { command: 'DraftArticle', outcome: 'accepted', code: '' })).toBe(1);
    expect(sample(text, commands, { command: 'DraftArticle', outcome: 'refused', code: '400' })).toBe(1);
    expect(sample(text, commands, { command: 'ReviseArticle', outcome: 'conflict', code: '412' })).toBe(1);
    expect(sample(text, commands, { command: 'PublishArticle', outcome: 'conflict', code: 'INVALID_TRANSITION' })).toBe(
      1,
    );
    expect(sample(text, 'newsroom_outbox_backlog')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'newsroom_read_model_lag_events', { read_model: 'article_state' })).toBe(0);
    expect(sample(text, 'newsroom_dead_letters_open', { read_model: 'audit_trail' })).toBe(0);
    expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
  });

  it('each projector serves its consumers batch sizes, rebalances and its read models lag', async () => {
    const editor = await client.as('editor');
    const draft = await sys.http().post('/api/articles').set(editor).send({ headline: 'Projected' }).expect(201);
    await client.articleAt(draft.body.id, 1);
    await client.caughtUp('article_state', 'audit_trail', 'article_list', 'contributor_index');

    const text = await waitFor(
      'the projector to have counted a batch',
      async () => {
        const res = await fetch(`http://127.0.0.1:${projectorPort}/metrics`).catch(() => undefined);
        const body = res?.ok ? await res.text() : '';
        return sample(body, 'newsroom_projector_batch_size_count', { read_model: 'article_state' }) ? body : undefined;
      },
      30_000,
      200,
    );
    for (const readModel of ['article_state', 'audit_trail', 'article_list', 'contributor_index']) {
      const labels = { read_model: readModel };
      expect(sample(text, 'newsroom_projector_batch_size_sum', labels)).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'newsroom_projector_rebalances_total', labels)).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'newsroom_read_model_lag_events', labels)).toBe(0);
      expect(sample(text, 'newsroom_read_model_lag_seconds', labels)).toBe(0);
      expect(sample(text, 'newsroom_dead_letters_open', labels)).toBe(0);
    }
    expect((await fetch(`http://127.0.0.1:${projectorPort}/other`)).status).toBe(404);
  });
});
