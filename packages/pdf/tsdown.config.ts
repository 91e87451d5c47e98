import { defineConfig } from 'tsdown';

// The types only: build.mjs bundles the JavaScript of both entries.
export default defineConfig({
  entry: ['src/index.ts', 'src/react.ts'],
  platform: 'node',
  dts: { emitDtsOnly: true },
  fixedExtension: false,
  clean: false,
});
