import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';
import preact from '@preact/preset-vite';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    include: [
      'lib/**/*.test.ts',
      'lib/**/*.test.tsx',
      'components/**/*.test.tsx',
      'tests/unit/**/*.test.ts',
      'tests/firefox/**/*.test.ts',
    ],
    restoreMocks: true,
    // Timing is the benchmarks' job: a test that compares renders over and over may take seconds on a busy 2-core CI
    // machine, and must not fail for it.
    testTimeout: 30_000,
  },
});
