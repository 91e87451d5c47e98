import { existsSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { defineConfig } from 'tsdown';

/**
 * Step 2 of `pnpm build` (step 1, `tsc -p tsconfig.emit.json`, writes the declarations of
 * @nianbao/api and the workspace packages it uses to build/): one dist/index.d.ts that holds the
 * types a client needs and nothing that runs. Our packages are inlined, so a client installs neither
 * the server, the database driver nor the importer; @trpc/server, zod and kysely stay imports.
 */
const built = resolve(import.meta.dirname, 'build/packages');
const ours: Record<string, string> = {
  '@nianbao/api': 'api/src/index.d.ts',
  '@nianbao/db': 'db/src/index.d.ts',
  '@nianbao/schema': 'schema/src/index.d.ts',
  '@nianbao/import': 'import/src/index.d.ts',
  '@nianbao/import/node': 'import/src/file.d.ts',
};

export default defineConfig({
  entry: { index: 'build/packages/api-types/src/index.d.ts' },
  platform: 'neutral',
  dts: { dtsInput: true, emitDtsOnly: true },
  deps: { neverBundle: [/^@trpc\//, 'zod', 'kysely'] },
  plugins: [
    {
      name: 'nianbao-declarations',
      resolveId(id: string, importer: string | undefined) {
        if (id in ours) return resolve(built, ours[id]!);
        // tsc keeps our './x.ts' specifiers in the declarations it writes.
        if (importer?.startsWith(built) && id.startsWith('.') && id.endsWith('.ts')) {
          const file = resolve(dirname(importer), id.replace(/\.ts$/, '.d.ts'));
          if (existsSync(file)) return file;
        }
        return undefined;
      },
    },
  ],
  fixedExtension: false,
  clean: true,
  hooks: {
    // Nothing runs: an empty module, so that the package also resolves where types are looked up
    // beside JavaScript.
    'build:done': () => writeFileSync(resolve(import.meta.dirname, 'dist/index.js'), 'export {};\n'),
  },
});
