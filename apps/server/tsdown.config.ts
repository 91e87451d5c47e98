import { defineConfig } from 'tsdown';

// The service as plain JavaScript for `node dist/start.js`; the workspace packages it imports are
// loaded from their own dist/.
export default defineConfig({
  entry: ['src/start.ts', 'src/index.ts'],
  platform: 'node',
  target: 'node20',
  unbundle: true,
  dts: false,
  fixedExtension: false,
  sourcemap: false,
  // The PDF and import workers are files of their own that piscina loads by their paths beside pool.js.
  copy: [
    { from: 'src/pdf/worker.mjs', to: 'dist/pdf' },
    { from: 'src/import/worker.mjs', to: 'dist/import' },
  ],
});
