// Debian's Chromium, driven by playwright-core: never a downloaded browser.
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';
export const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const hasChromium = () => existsSync(CHROMIUM);
export const SKIP_MESSAGE = `Browser tests skipped: Chromium not found at ${CHROMIUM}. Install it with \`apt-get install -y chromium\` (Debian) and run \`npm test\` again.`;
