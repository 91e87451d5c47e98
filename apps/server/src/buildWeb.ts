/**
 * Builds apps/web when its sources are newer than its dist, and @nianbao/pdf's bundle (the PDF
 * workers load it with plain node, see src/pdf/worker.mjs) when it is missing or stale. A missing or
 * failing build does not stop the service: the API and downloads work without the web app, the PDF
 * workers fall back to the TypeScript sources, and the failure is reported.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let latest = s.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.')) continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

export function buildWebIfNeeded(repoRoot: string, log: (line: string) => void): void {
  const web = join(repoRoot, 'apps/web');
  const manifest = join(web, 'package.json');
  if (!existsSync(manifest)) return;
  const scripts =
    (JSON.parse(readFileSync(manifest, 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
  if (!scripts.build || !existsSync(join(web, 'index.html'))) return;
  const built = join(web, 'dist/index.html');
  const sources = Math.max(
    newest(join(web, 'src')),
    newest(join(web, 'index.html')),
    newest(join(repoRoot, 'packages/form/src')),
    newest(join(repoRoot, 'packages/schema/src')),
  );
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  log('Building the web app (pnpm --filter @nianbao/web build) …');
  const result = spawnSync('pnpm', ['--filter', '@nianbao/web', 'build'], {
    cwd: repoRoot,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0)
    log('The web app did not build; serving the API without it. 网页应用构建失败，仅提供 API。');
}

export function buildPdfIfNeeded(repoRoot: string, log: (line: string) => void): void {
  const script = join(repoRoot, 'packages/pdf/build.mjs');
  if (!existsSync(script)) return;
  // build.mjs compares the bundle with the inputs of its last build and says when it rebuilds.
  const result = spawnSync(process.execPath, [script, '--if-stale'], {
    cwd: join(repoRoot, 'packages/pdf'),
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0)
    log('The PDF bundle did not build; PDF workers load the sources through tsx (a slower start).');
}
