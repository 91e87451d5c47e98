/**
 * The entry of the bundle build.mjs makes (dist/index.js): the package's API, and newReport for
 * the warm-up render a PDF worker does at start (the bundle is loaded without @nianbao/schema).
 */
export { newReport } from '@nianbao/schema';
export * from './src/index.ts';
