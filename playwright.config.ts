import { defineConfig } from '@playwright/test';
// eslint-disable-next-line no-restricted-imports -- the root config is not a library: it uses the suite's own setting
import { CHROMIUM } from './apps/admin-web/e2e/chromium';

// The browser suite of the admin web app (apps/admin-web/e2e) against the whole system, started from
// the build on a fresh schema. Debian's Chromium, never a downloaded one (see scripts/test.sh).
const port = Number(process.env.WEB_E2E_PORT ?? 3917);
process.env.WEB_E2E_PORT = String(port);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'apps/admin-web/e2e',
  testMatch: '**/*.browser.ts',
  outputDir: 'test-results/admin-web',
  globalSetup: './apps/admin-web/e2e/browser-version.setup.ts',
  // One system, one browser: the suites share demo users and the board.
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    baseURL,
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    launchOptions: { executablePath: CHROMIUM },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: 'bash apps/admin-web/e2e/start-system.sh',
    url: `${baseURL}/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
  },
});
