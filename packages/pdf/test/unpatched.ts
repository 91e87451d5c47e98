/**
 * pdfkit and fontkit as published, without the changes of the repository's patches/: a copy of
 * each installed (patched) package with its patch reversed by `git apply -R`, in a temporary
 * node_modules where their other dependencies are links to the installed ones. Tests compare
 * what the patched packages write with what these write.
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const here = fileURLToPath(new URL('..', import.meta.url));

/** The installed directory of package `name` as seen from `from` (node_modules lookup). */
function packageDir(from: string, name: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(dir) === dir) throw new Error(`${name} is not installed beside ${from}`);
  }
}

const manifest = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    version: string;
    dependencies?: Record<string, string>;
  };

/** Copies the installed package into `modules` and reverses its patch there. */
function unpatch(installed: string, name: string, modules: string): void {
  const patch = join(repoRoot, 'patches', `${name.replace('/', '__')}@${manifest(installed).version}.patch`);
  if (!existsSync(patch)) throw new Error(`${name} has no patch (${patch})`);
  const copy = join(modules, name);
  cpSync(installed, copy, { recursive: true, filter: (file) => !file.endsWith('.map') });
  execFileSync('git', ['apply', '-R', patch], { cwd: copy });
}

/** Links every dependency of the installed package that `modules` does not hold yet. */
function linkDependencies(installed: string, modules: string): void {
  for (const dep of Object.keys(manifest(installed).dependencies ?? {})) {
    const target = join(modules, dep);
    if (existsSync(target)) continue;
    mkdirSync(dirname(target), { recursive: true });
    symlinkSync(packageDir(installed, dep), target, 'dir');
  }
}

export interface Unpatched {
  /** The temporary directory holding the copies (for the caller to remove). */
  dir: string;
  /** pdfkit's ES module build (the one react-pdf imports), unpatched. */
  pdfkit: string;
  /** fontkit's ES module build for Node, unpatched. */
  fontkit: string;
}

let made: Unpatched | undefined;

/** The unpatched copies (made once per process). */
export function unpatchedPdfkit(): Unpatched {
  if (made) return made;
  const pdfkit = packageDir(packageDir(here, '@react-pdf/renderer'), 'pdfkit');
  const fontkit = packageDir(pdfkit, 'fontkit');
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-unpatched-'));
  const modules = join(dir, 'node_modules');
  try {
    unpatch(pdfkit, 'pdfkit', modules);
    unpatch(fontkit, 'fontkit', modules);
    linkDependencies(pdfkit, modules);
    linkDependencies(fontkit, modules);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  made = {
    dir,
    pdfkit: pathToFileURL(join(modules, 'pdfkit/js/pdfkit.node.mjs')).href,
    fontkit: pathToFileURL(join(modules, 'fontkit/dist/module.mjs')).href,
  };
  return made;
}

/** The installed (patched) pdfkit's ES module build, as react-pdf imports it. */
export function patchedPdfkit(): string {
  const pdfkit = packageDir(packageDir(here, '@react-pdf/renderer'), 'pdfkit');
  return pathToFileURL(join(pdfkit, 'js/pdfkit.node.mjs')).href;
}
