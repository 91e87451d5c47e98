/**
 * Production mode and the newcomer's demo: NODE_ENV=production never seeds the demo, refuses to
 * start while a demo password works, and begins with `nianbao init`; without NODE_ENV the demo
 * server listens on loopback only and refuses another HOST while a demo password works.
 */
import { spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '@nianbao/db/testing';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Client, failure, killServerProcesses, spawnServer } from './helpers.ts';

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  killServerProcesses();
  await database.drop();
});
afterAll(killServerProcesses);

const cliMain = fileURLToPath(new URL('../../cli/src/main.ts', import.meta.url));

function nianbao(args: string[]): { status: number | null; output: string } {
  const result = spawnSync(
    process.execPath,
    ['--conditions=@nianbao/source', '--import', 'tsx', cliMain, ...args],
    {
      env: { ...process.env, NIANBAO_DB: database.file, DATABASE_URL: database.url ?? '' },
      encoding: 'utf8',
    },
  );
  return { status: result.status, output: result.stdout + result.stderr };
}

const env = (more: Record<string, string>) => ({
  NIANBAO_DB: database.file,
  DATABASE_URL: database.url ?? '',
  ...more,
});

describe('NODE_ENV=production', () => {
  it('starts a fresh database without the demo, and nianbao init prints a password that signs in', async () => {
    const first = await spawnServer(env({ NODE_ENV: 'production', HOST: '127.0.0.1' }));
    expect(first.listening, first.output()).toBe(true);
    expect(first.output()).not.toMatch(/demo data seeded|admin-demo/);
    const error = await failure(new Client(first.url).login('admin', 'admin-demo'));
    expect(error.code).toBe('UNAUTHORIZED');
    first.child.kill('SIGTERM');
    await first.exited();

    const init = nianbao(['init', '--org', '某某县人民政府办公室', '--admin', 'chief']);
    expect(init.status, init.output).toBe(0);
    const password = /login chief {2}password (\S+)/.exec(init.output)?.[1];
    expect(password).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(nianbao(['init', '--org', '又一个机关', '--admin', 'other']).status).toBe(1);

    const second = await spawnServer(env({ NODE_ENV: 'production', HOST: '127.0.0.1' }));
    expect(second.listening, second.output()).toBe(true);
    const client = new Client(second.url);
    const reply = await client.mutate('auth.login', { login: 'chief', password });
    expect(reply.status).toBe(200);
    // Secure cookies by default in production.
    expect(reply.headers.getSetCookie().join('\n')).toMatch(/;\s*Secure/i);
    expect((await client.call('query', 'auth.me')).organisation.name.zh).toBe('某某县人民政府办公室');
  });

  it('refuses to start while an account has its demo password, and says how to fix it', async () => {
    const demo = await spawnServer(env({ HOST: '127.0.0.1' }));
    expect(demo.output()).toContain('demo data seeded');
    demo.child.kill('SIGTERM');
    await demo.exited();
    const refused = await spawnServer(env({ NODE_ENV: 'production', HOST: '127.0.0.1' }));
    expect(refused.listening).toBe(false);
    expect((await refused.exited()).code).toBe(1);
    expect(refused.output()).toContain('pnpm nianbao user reset-password --login admin');
    expect(refused.output()).toContain('演示密码');
  });
});

/** Whether a TCP connection to host:port is answered. */
function answers(host: string, port: number): Promise<boolean> {
  return new Promise((resolveAnswer) => {
    const req = request({ host, port, path: '/healthz', timeout: 5000 }, (res) => {
      res.resume();
      resolveAnswer(true);
    });
    req.on('error', () => resolveAnswer(false));
    req.on('timeout', () => {
      req.destroy();
      resolveAnswer(false);
    });
    req.end();
  });
}

describe('without NODE_ENV (the demo)', () => {
  it('listens on 127.0.0.1 only, and refuses HOST=0.0.0.0 while a demo password works', async () => {
    const demo = await spawnServer(env({ HOST: '' }));
    expect(demo.listening, demo.output()).toBe(true);
    expect(demo.output()).toContain(`Listening on http://127.0.0.1:${demo.port}`);
    expect(await answers('127.0.0.1', demo.port)).toBe(true);
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal && a.family === 'IPv4')
      .map((a) => a!.address);
    for (const address of others) expect(await answers(address, demo.port), address).toBe(false);
    demo.child.kill('SIGTERM');
    await demo.exited();

    const everywhere = await spawnServer(env({ HOST: '0.0.0.0' }));
    expect(everywhere.listening).toBe(false);
    expect((await everywhere.exited()).code).toBe(1);
    expect(everywhere.output()).toContain('HOST=0.0.0.0');
    expect(everywhere.output()).toContain('127.0.0.1');
    expect(everywhere.output()).toContain('reset-password --login tiantan');
  });
});
