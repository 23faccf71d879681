import type { ApiHarness } from '@newsroom/testing-system';
import { startNewsroomApi } from './newsroom.harness';

let api: ApiHarness;
beforeAll(async () => {
  api = await startNewsroomApi('security_headers');
});
afterAll(() => api.close());

function expectSecurityHeaders(headers: Record<string, string>) {
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).toContain("script-src 'self'");
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers).not.toHaveProperty('x-powered-by');
}

describe('security headers', () => {
  it('are on every API answer, refusals included', async () => {
    expectSecurityHeaders((await api.http().get('/health')).headers);
    expectSecurityHeaders((await api.http().get('/api/articles')).headers);
    expectSecurityHeaders((await api.http().post('/api/auth/login').send({})).headers);
  });

  it('are on the docs, and every script and stylesheet the docs page loads comes from the same origin', async () => {
    const page = await api.http().get('/api/docs/').redirects(1).expect(200);
    expectSecurityHeaders(page.headers);

    const assets = [...page.text.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
    expect(assets).toEqual(expect.arrayContaining(['./swagger-ui-bundle.js', './swagger-ui-init.js']));
    for (const asset of assets) {
      expect(asset).not.toMatch(/^(https?:)?\/\//);
      const res = await api.http().get(`/api/docs/${asset.replace(/^\.\//, '')}`);
      expect({ asset, status: res.status }).toEqual({ asset, status: 200 });
    }
    // The only inline script would need 'unsafe-inline', which the policy does not grant.
    expect(page.text).not.toMatch(/<script>(?!\s*<\/script>)/);
  });
});
