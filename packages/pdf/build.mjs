/**
 * Builds @nianbao/pdf into one ES module, dist/index.js, so that a new process (a server's PDF
 * worker, the cold benchmark) loads it with plain `node`: no tsx, no transpiling, one file instead
 * of some two hundred modules. Bundled: our sources, @nianbao/schema, @react-pdf/* and React.
 *
 * Kept outside the bundle, imported from their installed files: pdfkit and everything it depends
 * on (fontkit, restructure, unicode-properties …), as patched by pnpm (patches/README.md says
 * why). pdfkit loads its standard fonts with require() from its own package at run time, and
 * fontkit must stay one module shared by react-pdf (which parses the fonts) and pdfkit. Those
 * imports are relative paths into node_modules, so the bundle is rebuilt when the lockfile changes
 * (it holds the patches' hashes; see isFresh).
 *
 *   node build.mjs              build
 *   node build.mjs --if-stale   build only when an input is newer than the bundle
 *   node build.mjs --verify     build if stale, then render once with the patched pdfkit
 *
 * Other packages import { freshBundle } from '@nianbao/pdf/build' (no esbuild loaded for that).
 */
import { existsSync, mkdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '../..');
export const bundleFile = join(here, 'dist/index.js');
/** Our files the last build read (sources, this script, the lockfile), beside the bundle. */
const inputsFile = join(here, 'dist/inputs.json');

/** The installed directory of package `name` as seen from `from` (node_modules lookup). */
function packageDir(from, name) {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(dir) === dir) return undefined;
  }
}

/** pdfkit's directory, as @react-pdf/renderer resolves it. */
function pdfkitDir() {
  const renderer = packageDir(here, '@react-pdf/renderer');
  const pdfkit = renderer && packageDir(renderer, 'pdfkit');
  if (!pdfkit) throw new Error('pdfkit not found beside @react-pdf/renderer');
  return pdfkit;
}

/** pdfkit and its dependencies, transitively, as installed directories. */
function pdfkitClosure() {
  const dirs = new Set();
  const walk = (dir) => {
    if (dirs.has(dir)) return;
    dirs.add(dir);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    for (const dep of Object.keys(manifest.dependencies ?? {})) {
      const found = packageDir(dir, dep);
      if (found) walk(found);
    }
  };
  walk(pdfkitDir());
  return [...dirs];
}

/** The bundle when it exists and is newer than every input of its build; else undefined. */
export function freshBundle() {
  return isFresh() ? bundleFile : undefined;
}

function isFresh() {
  if (!existsSync(bundleFile) || !existsSync(inputsFile)) return false;
  const built = statSync(bundleFile).mtimeMs;
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
  const closure = pdfkitClosure();
  const outside = (path) => closure.find((dir) => path.startsWith(dir + sep));
  const plugin = {
    name: 'nianbao-pdf',
    setup(b) {
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData === 'nianbao-inner' || args.kind === 'entry-point') return undefined;
        const resolved = await b.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: 'nianbao-inner',
        });
        if (resolved.errors.length > 0 || resolved.external || !outside(resolved.path)) return undefined;
        const specifier = relative(dirname(bundleFile), resolved.path).split(sep).join('/');
        return { path: specifier.startsWith('.') ? specifier : `./${specifier}`, external: true };
      });
    },
  };
  const result = await esbuild({
    entryPoints: [join(here, 'bundle.ts')],
    outfile: bundleFile,
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
  });
  const ours = Object.keys(result.metafile.inputs)
    .map((input) => relative(repoRoot, join(process.cwd(), input)).split(sep).join('/'))
    .filter((input) => !input.includes('node_modules/'));
  const inputs = [...ours, 'packages/pdf/build.mjs', 'pnpm-lock.yaml'];
  mkdirSync(dirname(inputsFile), { recursive: true });
  writeFileSync(inputsFile, `${JSON.stringify(inputs, null, 1)}\n`);
  checkPdfkit(result.metafile);
  const bytes = statSync(bundleFile).size;
  log(
    `@nianbao/pdf bundled: dist/index.js, ${(bytes / 1024).toFixed(0)} KB, in ${(performance.now() - started).toFixed(0)} ms`,
  );
}

/** The bundle must import the installed (patched) pdfkit, not carry a copy of its own. */
function checkPdfkit(metafile) {
  const output = Object.values(metafile.outputs)[0];
  const expected = pathToFileURL(join(pdfkitDir(), 'js/pdfkit.node.mjs')).href;
  const imported = output.imports
    .filter((i) => i.external && i.path.includes('pdfkit'))
    .map((i) => new URL(i.path, pathToFileURL(bundleFile)).href);
  const inside = Object.keys(output.inputs).some((input) => /[/\\]pdfkit[/\\]js[/\\]/.test(input));
  if (inside || !imported.includes(expected))
    throw new Error(`The bundle must import pdfkit from ${expected}; it imports ${imported.join(', ')}`);
}

export async function buildIfStale(options) {
  if (isFresh()) return false;
  await build(options);
  return true;
}

/**
 * Renders the demo report with the bundle, with the pdfkit that the bundle imports: the one
 * patches/pdfkit@*.patch changed (it has PDFReference#endDeflated).
 */
async function verify() {
  const pdf = await import(pathToFileURL(bundleFile).href);
  const pdfkit = await import(pathToFileURL(join(pdfkitDir(), 'js/pdfkit.node.mjs')).href);
  if (typeof new pdfkit.default({ autoFirstPage: false }).ref().endDeflated !== 'function')
    throw new Error('The bundle imports a pdfkit without patches/pdfkit@*.patch: run pnpm install');
  const report = JSON.parse(readFileSync(join(repoRoot, 'examples/demo-county-2021.report.json'), 'utf8'));
  const bytes = (await pdf.renderReportPdf(report, { lang: 'zh' })).length;
  console.log(`verify: ${bytes} bytes, rendered with the patched pdfkit`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  const args = process.argv.slice(2);
  if (args.includes('--if-stale') || args.includes('--verify')) await buildIfStale();
  else await build();
  if (args.includes('--verify')) await verify();
}
