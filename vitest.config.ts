import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two files at once. Vitest's default (cores minus one) runs one file at a
    // time on the two-core machines CI and the benches use, which took the
    // suite from 11 to 16-22 minutes; every suite here is written to share a
    // core with one other (ports 0, data folders and Redis keys of its own).
    maxWorkers: 2,
    // Two projects so the e2e setup (install Chromium if missing, build the
    // client) runs only when an e2e test is in the run: vitest starts a
    // project's globalSetup only for projects with files to run.
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['server/test/**/*.test.ts', 'shared/**/*.test.ts', 'scripts/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['client/**/*.test.ts'],
          exclude: ['client/dist/**', 'client/.dist-*/**', '**/node_modules/**'],
          globalSetup: ['client/e2e/support/global-setup.ts'],
        },
      },
    ],
  },
});
