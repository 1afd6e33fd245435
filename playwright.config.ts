import { defineConfig } from '@playwright/test';

// Each test starts its own Chromium with the extension; one at a time suits a 2-core machine.
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  // One more try for a test that failed: the llama.cpp tests run a tiny random model whose replies vary in length,
  // and a reply of a token or two can end within one frame. A test that passes only on its retry is listed as flaky.
  retries: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  forbidOnly: !!process.env.CI,
});
