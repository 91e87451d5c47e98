/**
 * tsdown settings shared by the packages the server runs from dist/ with plain node
 * (`node apps/server/dist/start.js`): @nianbao/server, @nianbao/api and @nianbao/db. JavaScript only,
 * file for file, so that paths relative to a module stay what they are in src/.
 */
export const serviceBuild = {
  platform: 'node',
  target: 'node20',
  unbundle: true,
  dts: false,
  fixedExtension: false,
  sourcemap: false,
} as const;
