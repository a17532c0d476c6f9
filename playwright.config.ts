import { availableParallelism } from 'node:os';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/support/chromium';

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  // One test keeps about 0.8 of a core busy (its harness, Chromium and scrypt; 53 CPU-seconds for 7
  // tests measured with /usr/bin/time), so one worker per core. Each test has its own harness, data
  // folder and, for team mode, its own PostgreSQL server on a free port: nothing is shared.
  workers: availableParallelism(),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  forbidOnly: true,
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions,
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    trace: 'off',
  },
});
