import { rmSync } from 'node:fs';
import { appRouter } from '@nianbao/api';
import { listAudit } from '@nianbao/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../src/server.ts';
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
    expect((await client.call('query', 'reports.list')).rows.length).toBe(2);

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
    for (const path of ['/reports/1.pdf', '/reports/1.docx', '/reports/1.html?lang=zh']) {
      expect((await client.request(path)).status, path).toBe(401);
    }
  });
});

describe("changing one's own password", () => {
  it('refuses a wrong current password and a short or unchanged new one, naming the field in both languages', async () => {
    const client = new Client(server.url);
    await client.login('reviewer', 'reviewer-demo');
    const change = (currentPassword: string, newPassword: string) =>
      failure(client.call('mutation', 'auth.changePassword', { currentPassword, newPassword }));
    const wrong = await change('not-the-password', 'a-new-password');
    expect(wrong.status).toBe(400);
    expect(wrong.text).toEqual({
      zh: '当前密码（currentPassword）不正确',
      en: 'current password (currentPassword) is wrong',
    });
    expect(wrong.data.issues).toEqual([{ path: ['currentPassword'], message: wrong.text }]);
    const short = await change('reviewer-demo', 'short');
    expect(short.status).toBe(400);
    expect((short.data.issues as { path: string[]; message: { zh: string; en: string } }[])[0]).toEqual({
      path: ['newPassword'],
      message: {
        zh: 'newPassword：新密码（newPassword）至少 8 个字符',
        en: 'newPassword: new password (newPassword): at least 8 characters',
      },
    });
    const same = await change('reviewer-demo', 'reviewer-demo');
    expect(same.data.issues).toEqual([{ path: ['newPassword'], message: same.text }]);
    expect(same.text.en).toBe('new password (newPassword) must differ from the current one');
    // Nothing changed: the old password still signs in.
    await new Client(server.url).login('reviewer', 'reviewer-demo');
    const failed = await listAudit(server.db, { action: 'password.change.failed' });
    expect(failed.length).toBe(1);
  });

  it('changes it, keeps this browser signed in, ends the other sessions and writes it to the audit log', async () => {
    const here = new Client(server.url);
    const elsewhere = new Client(server.url);
    await here.login('tiantan', 'tiantan-demo');
    await elsewhere.login('tiantan', 'tiantan-demo');
    const before = here.cookie;
    expect(
      await here.call('mutation', 'auth.changePassword', {
        currentPassword: 'tiantan-demo',
        newPassword: 'tiantan-new-password',
      }),
    ).toEqual({ ok: true });
    // A new session for this browser (the old token died with the others).
    expect(here.cookie).not.toBe(before);
    expect(await here.call('query', 'auth.me')).toMatchObject({ login: 'tiantan' });
    expect(await elsewhere.call('query', 'auth.me')).toBeNull();
    const stale = new Client(server.url);
    stale.cookie = before;
    expect(await stale.call('query', 'auth.me')).toBeNull();
    expect((await failure(new Client(server.url).login('tiantan', 'tiantan-demo'))).code).toBe(
      'UNAUTHORIZED',
    );
    await new Client(server.url).login('tiantan', 'tiantan-new-password');
    const [entry] = await listAudit(server.db, { action: 'password.change' });
    expect(entry).toMatchObject({ action: 'password.change' });
    expect(entry!.user_id).toBe((await here.call('query', 'auth.me')).id);
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
      expect((await client.call('query', 'reports.list')).rows.length).toBe(2);
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
      loginThrottle: { perPair: 2 },
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

describe('fair sign-in throttling', () => {
  const from = (server: RunningServer, address: string, login: string, password: string) =>
    new Client(server.url).request('/trpc/auth.login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({ login, password }),
    });

  it('lets another account sign in from an address with 30 failures', async () => {
    const office = await testServer({ trustProxy: true });
    try {
      for (let i = 0; i < 30; i++)
        expect((await from(office, '192.0.2.7', `guess-${i % 6}`, 'x')).status).toBe(401);
      expect((await from(office, '192.0.2.7', 'reviewer', 'reviewer-demo')).status).toBe(200);
    } finally {
      await office.stop();
    }
  });

  it('slows an account after 5 wrong passwords but never locks the owner out at their usual address', async () => {
    const office = await testServer({ trustProxy: true, loginThrottle: { baseDelayMs: 1_000 } });
    try {
      expect((await from(office, '192.0.2.1', 'tiantan', 'tiantan-demo')).status).toBe(200);
      // Someone elsewhere guesses: they wait, the owner at their desk does not.
      for (let i = 0; i < 12; i++) await from(office, `198.51.100.${i % 3}`, 'tiantan', `guess-${i}`);
      expect((await from(office, '198.51.100.9', 'tiantan', 'tiantan-demo')).status).toBe(429);
      expect((await from(office, '192.0.2.1', 'tiantan', 'tiantan-demo')).status).toBe(200);
      // The owner's own five mistakes: a short wait (1 s here, 15 s by default), not a 15-minute lock.
      for (let i = 0; i < 5; i++)
        expect((await from(office, '192.0.2.1', 'tiantan', 'typo')).status).toBe(401);
      const slowed = await from(office, '192.0.2.1', 'tiantan', 'tiantan-demo');
      expect(slowed.status).toBe(429);
      const wait = (slowed.body as { error: { data: { retryAfterSeconds: number } } }).error.data
        .retryAfterSeconds;
      expect(wait).toBeLessThanOrEqual(1);
      await new Promise((r) => setTimeout(r, wait * 1000 + 100));
      expect((await from(office, '192.0.2.1', 'tiantan', 'tiantan-demo')).status).toBe(200);
    } finally {
      await office.stop();
    }
  });

  it('keeps the counts over a restart, and an administrator clears them', async () => {
    const first = await testServer({ trustProxy: true });
    const file = first.file;
    for (let i = 0; i < 5; i++) await from(first, '203.0.113.5', 'reviewer', `guess-${i}`);
    expect((await from(first, '203.0.113.5', 'reviewer', 'reviewer-demo')).status).toBe(429);
    await first.close();
    const second = await startServer({
      databaseFile: file,
      databaseUrl: first.databaseUrl,
      port: 0,
      host: '127.0.0.1',
      trustProxy: true,
      log: () => undefined,
    });
    try {
      expect((await from(second, '203.0.113.5', 'reviewer', 'reviewer-demo')).status).toBe(429);
      const admin = new Client(second.url);
      await admin.login('admin', 'admin-demo');
      const users = await admin.call('query', 'users.list');
      const reviewer = users.find((u: { login: string }) => u.login === 'reviewer');
      expect((await admin.call('mutation', 'users.unlock', { id: reviewer.id })).cleared).toBeGreaterThan(0);
      expect((await from(second, '203.0.113.5', 'reviewer', 'reviewer-demo')).status).toBe(200);
    } finally {
      await second.close();
      rmSync(first.dir, { recursive: true, force: true });
    }
  });
});
