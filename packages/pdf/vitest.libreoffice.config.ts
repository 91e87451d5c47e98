import { defineConfig } from 'vitest/config';

// `pnpm test:docx`: the .docx opened by LibreOffice (needs soffice; see README).
export default defineConfig({
  test: { include: ['src/**/*.libreoffice.test.ts'], testTimeout: 180_000, fileParallelism: false },
});
