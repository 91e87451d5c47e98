import { defineConfig } from 'vitest/config';
import { sourceConditions } from '../../vite.source.ts';

// `pnpm test:docx`: the .docx opened by LibreOffice (needs soffice; see README).
export default defineConfig({
  ...sourceConditions,
  test: { include: ['src/**/*.libreoffice.test.ts'], testTimeout: 180_000, fileParallelism: false },
});
