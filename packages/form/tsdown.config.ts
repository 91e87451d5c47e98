import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: ['src/index.ts'],
  platform: 'browser',
  target: 'es2022',
  dts: true,
  sourcemap: false,
  // The stylesheet is its own export (@nianbao/form/styles.css): the app decides where it goes.
  copy: [{ from: 'src/styles.css', to: 'dist' }],
});
