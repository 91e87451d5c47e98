/**
 * Builds @nianbao/pdf into one ES module, dist/index.js, that works from any node_modules layout
 * (npm, pnpm, yarn) and loads with plain `node`: no tsx, no transpiling, one file instead of some
 * two hundred modules. The types (dist/*.d.ts) come from tsdown (tsdown.config.ts).
 *
 * The second entry, dist/react.js (`@nianbao/pdf/react`: <ReportPages> and its preloadFonts), is
 * built apart with @react-pdf/renderer and React left outside: they are the consumer's (peer
 * dependencies), so that our fonts are registered with the react-pdf that renders their
 * <Document>. It runs on their react-pdf as published, without our patches: correct, slower.
 *
 * Bundled: our sources, @react-pdf/*, pdfkit, fontkit and the rest of their dependencies, and React.
 * Our changes to that third-party code are pnpm patches (patches/README.md), applied to the
 * installed files this build reads: they are inside dist/index.js and reach a consumer as they are
 * here, whatever their package manager. Nothing is imported by a path into our node_modules.
 * Left outside: @nianbao/schema (and its zod), which a consumer shares with us, Node's own modules,
 * and the font packages, which are files found at run time (src/fonts.ts).
 *
 *   node build.mjs              build
 *   node build.mjs --if-stale   build only when an input is newer than the bundle (bench/run.ts)
 *   node build.mjs --verify     build if stale, then render once and check the bundle works
 */
import { existsSync, mkdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '../..');
export const bundleFile = join(here, 'dist/index.js');
const reactBundleFile = join(here, 'dist/react.js');
/** Our files the last build read (sources, this script, the lockfile), beside the bundle. */
const inputsFile = join(here, 'dist/inputs.json');

/** Whether the bundle exists and is newer than every input of its last build. */
function isFresh() {
  const outputs = [bundleFile, reactBundleFile, inputsFile];
  if (!outputs.every((file) => existsSync(file))) return false;
  const built = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  try {
    const inputs = JSON.parse(readFileSync(inputsFile, 'utf8'));
    return inputs.every((file) => statSync(join(repoRoot, file)).mtimeMs <= built);
  } catch {
    // An input was deleted or renamed: its importer changed too, but rebuild to be sure.
    return false;
  }
}

export async function build({ log = console.log } = {}) {
  const { build: esbuild } = await import('esbuild');
  const started = performance.now();
  const plugin = {
    name: 'nianbao-pdf',
    setup(b) {
      // pdfkit loads the metrics of its standard fonts (Helvetica opens every document) through a
      // require() it creates at run time, which a bundler cannot follow; a plain require() of the
      // same specifier is bundled, resolved through pdfkit's own "imports" map.
      b.onLoad({ filter: /[/\\]pdfkit[/\\]js[/\\]pdfkit\.node\.mjs$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        const contents = source.replaceAll("require$1('#standard-fonts/", "require('#standard-fonts/");
        if (contents === source)
          throw new Error(`pdfkit changed: no standard-font require() in ${args.path}`);
        return { contents, loader: 'js' };
      });
    },
  };
  const common = {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    jsx: 'automatic',
    define: {
      'process.env.NODE_ENV': '"production"',
      // yoga's wasm loader decodes its embedded binary with fetch() when fetch exists, and the first
      // fetch loads Node's undici (~65 ms of a cold start); without it the loader decodes the
      // base64 itself. Nothing else in the bundle fetches: fonts are files, reports have no images.
      fetch: 'undefined',
    },
    // Bundled CommonJS code (React) may require() Node's own modules.
    banner: {
      js: "import { createRequire as __nianbaoCreateRequire } from 'node:module'; const require = __nianbaoCreateRequire(import.meta.url);",
    },
    plugins: [plugin],
    metafile: true,
    logLevel: 'warning',
  };
  // A consumer installs these beside us; everything else is inside the bundle.
  const shared = ['@nianbao/schema', 'zod', 'docx', '@expo-google-fonts/*'];
  const results = await Promise.all([
    esbuild({ ...common, entryPoints: [join(here, 'src/index.ts')], outfile: bundleFile, external: shared }),
    esbuild({
      ...common,
      entryPoints: [join(here, 'src/react.ts')],
      outfile: reactBundleFile,
      external: [...shared, '@react-pdf/renderer', 'react', 'react/*'],
    }),
  ]);
  const ours = results
    .flatMap((result) => Object.keys(result.metafile.inputs))
    .map((input) => relative(repoRoot, join(process.cwd(), input)).split(sep).join('/'))
    .filter((input) => !input.includes('node_modules/'));
  const inputs = [...new Set(ours), 'packages/pdf/build.mjs', 'pnpm-lock.yaml'];
  mkdirSync(dirname(inputsFile), { recursive: true });
  writeFileSync(inputsFile, `${JSON.stringify(inputs, null, 1)}\n`);
  const kb = (file) => `${(statSync(file).size / 1024).toFixed(0)} KB`;
  log(
    `@nianbao/pdf bundled: dist/index.js, ${kb(bundleFile)}; dist/react.js, ${kb(reactBundleFile)}; in ${(performance.now() - started).toFixed(0)} ms`,
  );
}

export async function buildIfStale(options) {
  if (isFresh()) return false;
  await build(options);
  return true;
}

/** Renders the demo report with the bundle: it loads with plain node and draws a PDF. */
async function verify() {
  const pdf = await import(pathToFileURL(bundleFile).href);
  const report = JSON.parse(readFileSync(join(repoRoot, 'examples/demo-county-2021.report.json'), 'utf8'));
  const bytes = await pdf.renderReportPdf(report, { lang: 'zh' });
  if (Buffer.from(bytes.subarray(0, 5)).toString() !== '%PDF-')
    throw new Error('The bundle did not render a PDF');
  console.log(`verify: ${bytes.length} bytes`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  const args = process.argv.slice(2);
  if (args.includes('--if-stale') || args.includes('--verify')) await buildIfStale();
  else await build();
  if (args.includes('--verify')) await verify();
}
