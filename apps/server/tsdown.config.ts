import { defineConfig } from 'tsdown';
import { serviceBuild } from '../../tsdown.service.ts';

// The workspace packages the service imports are loaded from their own dist/.
export default defineConfig({
  ...serviceBuild,
  entry: ['src/start.ts', 'src/index.ts'],
  // The PDF and import workers are files of their own that piscina loads by their paths beside pool.js,
  // through the CommonJS entry one folder up.
  copy: [
    { from: 'src/esmWorker.cjs', to: 'dist' },
    { from: 'src/pdf/worker.mjs', to: 'dist/pdf' },
    { from: 'src/import/worker.mjs', to: 'dist/import' },
  ],
});
