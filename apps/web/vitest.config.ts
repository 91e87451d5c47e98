import { defineConfig } from 'vitest/config';
import { sourceConditions } from '../../vite.source.ts';

export default defineConfig({
  ...sourceConditions,
  test: {
    projects: [
      // Logic without a browser (the autosave queue).
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['e2e/setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
