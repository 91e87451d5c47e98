import { appRouter } from '@nianbao/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, failure, type TestServer, testServer } from './helpers.ts';

let server: TestServer;
beforeAll(async () => {
  server = await testServer();
});
afterAll(() => server.stop());

describe('sign-in', () => {
  it('logs in with an httpOnly SameSite=Lax cookie, knows the user, and logs out', async () => {
    const client = new Client(server.url);
    expect(await client.call('query', 'auth.me')).toBeNull();
    const reply = await client.mutate('auth.login', { login: 'tiantan', password: 'tiantan-demo' });
    expect(reply.status).toBe(200);
    const cookie = reply.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(/^nianbao_session=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toMatch(/Max-Age=\d+/);
    const me = await client.call('query', 'auth.me');
    expect(me).toMatchObject({
      login: 'tiantan',
      role: 'filler',
      organisation: { name: { zh: '天坛街道办事处' } },
    });
    expect((await client.call('query', 'reports.list')).length).toBe(2);

    const stolen = client.cookie;
    await client.call('mutation', 'auth.logout');
    expect(client.cookie).toBe('');
    expect(await client.call('query', 'auth.me')).toBeNull();
    // The old cookie is dead on the server too, not just forgotten by the browser.
    const replay = new Client(server.url);
    replay.cookie = stolen;
    expect((await failure(replay.call('query', 'reports.list'))).code).toBe('UNAUTHORIZED');
  });

  it('gives the same generic error for a wrong name and a wrong password', async () => {
    const client = new Client(server.url);
    const wrongName = await failure(client.login('nobody', 'tiantan-demo'));
    const wrongPassword = await failure(client.login('reviewer', 'not-the-password'));
    expect(wrongName.code).toBe('UNAUTHORIZED');
    expect(wrongName.message).toBe(wrongPassword.message);
    expect(wrongName.message).toContain('用户名或密码错误');
  });

  it('blocks an account after 5 failed logins, even with the right password', async () => {
    const client = new Client(server.url);
    for (let i = 0; i < 5; i++)
      expect((await failure(client.login('admin', `wrong-${i}`))).code).toBe('UNAUTHORIZED');
    const blocked = await failure(client.login('admin', 'admin-demo'));
    expect(blocked.code).toBe('TOO_MANY_REQUESTS');
    expect(blocked.status).toBe(429);
    expect(blocked.data.retryAfterSeconds).toBeGreaterThan(0);
    // Other accounts are not affected.
    await client.login('reviewer', 'reviewer-demo');
  });

  it('answers UNAUTHORIZED for every procedure but login, logout and me without a session', async () => {
    const client = new Client(server.url);
    const procedures = Object.entries(
      appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>,
    );
    expect(procedures.length).toBeGreaterThanOrEqual(20);
    const open = ['auth.login', 'auth.logout', 'auth.me'];
    for (const [path, procedure] of procedures) {
      if (open.includes(path)) continue;
      const input = { id: 1, version: 1, baseVersion: 1, year: 2021, data: {}, comment: 'x' };
      const reply =
        procedure._def.type === 'query' ? await client.query(path, input) : await client.mutate(path, input);
      expect(reply.status, path).toBe(401);
      expect((reply.body as { error: { data: { code: string } } }).error.data.code, path).toBe(
        'UNAUTHORIZED',
      );
    }
    for (const path of ['/reports/1.pdf', '/reports/1.html?lang=zh']) {
      expect((await client.request(path)).status, path).toBe(401);
    }
  });
});

describe('same-site requests', () => {
  it('accepts a POST whose Origin is the server itself, as a browser sends it', async () => {
    const client = new Client(server.url);
    const reply = await client.request('/trpc/auth.login', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: new URL(server.url).origin,
        'sec-fetch-site': 'same-origin',
      },
      body: JSON.stringify({ login: 'reviewer', password: 'reviewer-demo' }),
    });
    expect(reply.status).toBe(200);
  });
});

describe('session expiry', () => {
  it('ends a session when it expires', async () => {
    const short = await testServer({ sessionTtlMs: 1000 });
    try {
      const client = new Client(short.url);
      await client.login('tiantan', 'tiantan-demo');
      expect((await client.call('query', 'reports.list')).length).toBe(2);
      await new Promise((r) => setTimeout(r, 1300));
      expect(await client.call('query', 'auth.me')).toBeNull();
      expect((await failure(client.call('query', 'reports.list'))).code).toBe('UNAUTHORIZED');
    } finally {
      await short.stop();
    }
  });
});

describe('behind a reverse proxy', () => {
  it('limits failed logins by the forwarded client address', async () => {
    const proxied = await testServer({
      trustProxy: true,
      maxFailedLogins: { perAccount: 100, perAddress: 2 },
    });
    try {
      const login = (address: string, password: string) =>
        new Client(proxied.url).request('/trpc/auth.login', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.9, ${address}` },
          body: JSON.stringify({ login: 'tiantan', password }),
        });
      expect((await login('198.51.100.1', 'wrong-1')).status).toBe(401);
      expect((await login('198.51.100.1', 'wrong-2')).status).toBe(401);
      expect((await login('198.51.100.1', 'tiantan-demo')).status).toBe(429);
      expect((await login('198.51.100.2', 'tiantan-demo')).status).toBe(200);
    } finally {
      await proxied.stop();
    }
  });
});
