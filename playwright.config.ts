import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/support/chromium';

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  // One at a time: with one worker per core the lifecycle walk failed in two of three clean-clone
  // runs (its reminder banner read while another test ran beside it) and passed alone; two workers
  // took the e2e suite from 12.5 to 8.0 min. Back to two once that walk is fixed.
  workers: 1,
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
