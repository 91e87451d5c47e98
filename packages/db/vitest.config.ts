import { defineConfig } from 'vitest/config';
import { sourceConditions } from '../../vite.source.ts';
import { databaseProjects } from './src/testing/vitestProjects.ts';

export default defineConfig({
  ...sourceConditions,
  // scrypt and SQLite file work: generous on a shared, busy machine.
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: databaseProjects(['src/postgres.test.ts']),
  },
});
