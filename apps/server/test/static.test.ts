import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, testServer } from './helpers.ts';

let server: TestServer;
let bare: TestServer;
const web = mkdtempSync(join(tmpdir(), 'nianbao-web-'));

beforeAll(async () => {
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>年报</title><div id="root"></div>');
  mkdirSync(join(web, 'assets'));
  writeFileSync(join(web, 'assets/app-3f2a.js'), 'console.log(1)');
  writeFileSync(join(web, 'favicon.svg'), '<svg/>');
  server = await testServer({ webRoot: web });
  bare = await testServer();
});
afterAll(async () => {
  await server.stop();
  await bare.stop();
  rmSync(web, { recursive: true, force: true });
});

const get = (s: TestServer, path: string, headers: Record<string, string> = {}) =>
  fetch(new URL(path, s.url), { headers });

describe('the built web app', () => {
  it('serves index.html, hashed assets for a year, and the app for its own routes', async () => {
    const index = await get(server, '/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(await index.text()).toContain('年报');
    const asset = await get(server, '/assets/app-3f2a.js');
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await get(server, '/favicon.svg')).headers.get('content-type')).toBe('image/svg+xml');
    const route = await get(server, '/reports/12');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('id="root"');
  });

  it('answers 404 for missing files and never leaves the directory', async () => {
    expect((await get(server, '/assets/missing.js')).status).toBe(404);
    expect((await get(server, '/missing.png')).status).toBe(404);
    for (const path of [
      '/..%2f..%2fetc%2fpasswd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/assets/..%2f..%2f..%2fpackage.json',
    ]) {
      const response = await get(server, path);
      expect(await response.text(), path).not.toContain('root:');
    }
  });

  it('sends security headers', async () => {
    const response = await get(server, '/');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
  });

  it('without a built app, says so at / and still serves the API', async () => {
    const response = await get(bare, '/');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('apps/web/dist');
    expect((await get(bare, '/healthz')).status).toBe(200);
    expect((await get(bare, '/trpc/auth.me')).status).toBe(200);
  });
});
