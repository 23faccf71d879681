/** Debian's Chromium (apt-get install chromium); Playwright's own download is never used. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
