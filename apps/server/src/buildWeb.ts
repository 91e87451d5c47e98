/**
 * Builds apps/web when its sources are newer than its dist. A missing or failing web build does not
 * stop the service: the API and downloads work without it, and the failure is reported.
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
