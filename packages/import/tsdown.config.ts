import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: { index: 'src/index.ts', node: 'src/file.ts' },
  platform: 'node',
  target: 'node20',
  dts: true,
  sourcemap: false,
  fixedExtension: false,
});
