import { defineConfig } from 'vitest/config';
import { sourceConditions } from '../../vite.source.ts';

export default defineConfig({
  ...sourceConditions,
  // Rendering both full formats in happy-dom takes seconds on a busy 2-core machine.
  test: { environment: 'happy-dom', include: ['src/**/*.test.{ts,tsx}'], testTimeout: 30_000 },
});
