import { defineConfig } from 'vitest/config';
import { databaseProjects } from '../../packages/db/src/testing/vitestProjects.ts';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // Each file runs a real server with its own PDF worker pool: one at a time on a small machine.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // The PDF and static-file tests do not touch the database beyond a login: SQLite alone.
    projects: databaseProjects([
      'test/access.test.ts',
      'test/auth.test.ts',
      'test/conflict.test.ts',
      'test/consolidate.test.ts',
      'test/crash.test.ts',
      'test/import.test.ts',
      'test/malformed.test.ts',
    ]),
  },
});
