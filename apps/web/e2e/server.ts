/**
 * Starts the real service (apps/server `start`) on a free port with a new, empty data directory, so
 * that it seeds the demo organisation and accounts into a fresh database.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = resolve(WEB_ROOT, '../..');
export const OUTPUT = join(WEB_ROOT, 'test-output');

export const DEMO = {
  filler: { login: 'tiantan', password: 'tiantan-demo' },
  reviewer: { login: 'reviewer', password: 'reviewer-demo' },
  organisation: '天坛街道办事处',
};

export function buildWeb(): void {
  // Under vitest NODE_ENV, MODE and VITEST are set, and the build would differ from `pnpm build`.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(VITEST|TEST$|MODE$|NODE_ENV$)/.test(k)),
  );
  const result = spawnSync('pnpm', ['exec', 'vite', 'build', '--logLevel', 'warn'], {
    cwd: WEB_ROOT,
    stdio: 'inherit',
    env: { ...env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error('vite build failed');
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port')),
      );
    });
  });
}

export interface RunningServer {
  url: string;
  dataDir: string;
  stop: () => Promise<void>;
}

export async function startServer(): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'nianbao-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['apps/server/dist/start.js'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      NIANBAO_DATA_DIR: dataDir,
      NIANBAO_WEB_DIST: join(WEB_ROOT, 'dist'),
      NIANBAO_SEED_DEMO: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so that the server and its PDF workers stop together.
    detached: true,
  });
  let output = '';
  const url = await new Promise<string>((ok, fail) => {
    const timeout = setTimeout(() => fail(new Error(`server did not start:\n${output}`)), 90_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /Listening on (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timeout);
        ok(`http://127.0.0.1:${port}`);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timeout);
      fail(new Error(`server exited (${code}):\n${output}`));
    });
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((ok) => child.once('exit', ok));
    process.kill(-child.pid!, 'SIGTERM');
    await Promise.race([exited, new Promise((ok) => setTimeout(ok, 5000))]);
    if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { url, dataDir, stop };
}
