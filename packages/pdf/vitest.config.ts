import { configDefaults, defineConfig } from 'vitest/config';
import { sourceConditions } from '../../vite.source.ts';

// Rendering a report takes seconds on a busy CI machine, more with the first font load. The
// LibreOffice test runs apart (`pnpm test:docx`, vitest.libreoffice.config.ts).
export default defineConfig({
  ...sourceConditions,
  test: {
    testTimeout: 120_000,
    hookTimeout: 120_000,
    exclude: [...configDefaults.exclude, '**/*.libreoffice.test.ts'],
  },
});
