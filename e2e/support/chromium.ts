import type { LaunchOptions } from 'playwright-core';

/**
 * Debian's Chromium, never a Playwright download. The flags keep it from reaching for the network
 * (this machine has none) and from needing a GPU or a user-namespace sandbox (CI runs as root).
 */
export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
  ],
};
