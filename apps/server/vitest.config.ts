import { defineConfig } from 'vitest/config';
import { databaseProjects } from '../../packages/db/src/testing/vitestProjects.ts';
import { sourceConditions } from '../../vite.source.ts';

export default defineConfig({
  ...sourceConditions,
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // Each file runs a real server with its own PDF worker pool: one at a time on a small machine.
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // Files about rendering, worker pools, static files, HTTP guards, start-up settings and SQLite backups: SQLite alone.
    projects: databaseProjects([
      'test/attacks.test.ts',
      'test/backup.test.ts',
      'test/pdf.test.ts',
      'test/pools.test.ts',
      'test/production.test.ts',
      'test/shutdown.test.ts',
      'test/static.test.ts',
    ]),
  },
});
