import { defineConfig } from 'tsdown';

// The types only: build.mjs bundles the JavaScript (with react-pdf, pdfkit and React inside).
export default defineConfig({
  entry: ['src/index.ts'],
  platform: 'node',
  dts: { emitDtsOnly: true },
  fixedExtension: false,
  clean: false,
});
