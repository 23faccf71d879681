import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CHROMIUM } from './chromium';

/**
 * Prints the browser the suite drives and stops at once when its major version is not the one this
 * Playwright speaks: a mismatch fails in strange ways deep inside a test otherwise.
 */
export default async function browserVersion() {
  const browsers = JSON.parse(
    readFileSync(join(dirname(require.resolve('playwright-core/package.json')), 'browsers.json'), 'utf8'),
  ) as {
    browsers: { name: string; browserVersion: string }[];
  };
  const expected = browsers.browsers.find((b) => b.name === 'chromium')!.browserVersion;
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  const actual = browser.version();
  await browser.close();
  process.stdout.write(`browser suite: Chromium ${actual} at ${CHROMIUM}; Playwright expects ${expected}\n`);
  if (actual.split('.')[0] !== expected.split('.')[0]) {
    throw new Error(
      `Chromium ${actual} at ${CHROMIUM} is not major ${expected.split('.')[0]}, which this Playwright drives; ` +
        'install the matching Debian chromium package or the matching @playwright/test.',
    );
  }
}
