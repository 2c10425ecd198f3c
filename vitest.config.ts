import { defineConfig } from 'vitest/config';

// One run covers shared, server unit and server integration tests. DATABASE_URL picks
// PostgreSQL for the integration suite; without it each test app gets a fresh SQLite file.
export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'apps/server/src/**/*.test.ts',
      'apps/server/test/**/*.test.ts',
      // Pure web logic (landing page, next step) only: components are checked in the browser tests.
      'apps/web/src/**/*.test.ts',
    ],
    testTimeout: 30000,
    hookTimeout: 60000,
    // PostgreSQL tests share one database; files run one at a time so schemas do not collide.
    fileParallelism: !process.env.DATABASE_URL,
    pool: 'forks',
  },
});
