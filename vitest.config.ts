import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit and integration tests. Two projects: extension code runs in happy-dom with a fake browser and IndexedDB;
// the sandbox, contract and lint tests run in plain Node (real fetch, real HTTPS to the sandbox).
export default defineConfig({
  test: {
    globalSetup: ['tests/setup/global-setup.ts'],
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'extension',
          include: ['tests/lib/**/*.test.{ts,tsx}', 'tests/components/**/*.test.{ts,tsx}', 'tests/entrypoints/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['fake-indexeddb/auto', 'tests/setup/unit.ts'],
        },
      },
      {
        test: {
          name: 'node',
          include: ['tests/sandbox/**/*.test.ts', 'tests/contract/**/*.test.ts', 'tests/lint/**/*.test.ts', 'tests/providers-api/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/setup/node.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
