import { defineConfig } from 'vitest/config';

// Rendering a report takes seconds on a busy CI machine, more with the first font load.
export default defineConfig({ test: { testTimeout: 120_000, hookTimeout: 120_000 } });
