import { defineConfig } from 'tsdown';

// JavaScript for the server run with plain node (`node apps/server/dist/start.js`); file for file,
// so that paths relative to a module stay what they are in src/.
export default defineConfig({
  entry: ['src/index.ts', 'src/testing/index.ts'],
  platform: 'node',
  target: 'node20',
  unbundle: true,
  dts: false,
  fixedExtension: false,
  sourcemap: false,
});
