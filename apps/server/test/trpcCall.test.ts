/**
 * A single API call is answered by `trpcCall.ts` without tRPC's fetch adapter; the answer must be the
 * adapter's. The same call is sent twice over HTTP: as is (answered directly) and with a parameter
 * tRPC ignores (`_=1`), which leaves it to the fetch adapter; status, headers and body must match.
 */
import { appRouter } from '@nianbao/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directCall } from '../src/trpcCall.ts';
import { Client, example, type TestServer, testServer } from './helpers.ts';

let server: TestServer;
let filler: Client;
let id: number;
let version: number;
let data: Record<string, unknown>;

beforeAll(async () => {
  server = await testServer();
  filler = new Client(server.url);
  await filler.login('tiantan', 'tiantan-demo');
  const draft = (await filler.call('query', 'reports.list', { year: 2021 })).rows[0];
  id = draft.id;
  version = draft.version;
  data = { ...example('demo-county-2021'), organisation: { zh: '天坛街道办事处' } };
});
afterAll(() => server.stop());

const body = (input: unknown) => new TextEncoder().encode(JSON.stringify(input));
const at = (path: string) => new URL(path, 'http://localhost');

describe('which calls are answered directly', () => {
  it('takes a single query or mutation with JSON input, and leaves everything else to the fetch adapter', () => {
    const save = { id: 1, baseVersion: 1, data: {} };
    expect(directCall(appRouter, 'POST', at('/trpc/reports.save'), body(save))).toEqual({
      type: 'mutation',
      path: 'reports.save',
      input: save,
    });
    expect(directCall(appRouter, 'GET', at('/trpc/reports.get?input=%7B%22id%22%3A1%7D'), undefined)).toEqual(
      {
        type: 'query',
        path: 'reports.get',
        input: { id: 1 },
      },
    );
    expect(directCall(appRouter, 'GET', at('/trpc/auth.me'), undefined)).toMatchObject({ input: undefined });
    for (const [method, path, sent] of [
      ['POST', '/trpc/reports.save?batch=1', body({ 0: save })],
      ['POST', '/trpc/reports.save,reports.save', body(save)],
      ['POST', '/trpc/reports.save?_=1', body(save)],
      ['POST', '/trpc/reports.save', new TextEncoder().encode('{"id":')],
      ['POST', '/trpc/reports.save', undefined],
      ['POST', '/trpc/reports.get', body({ id: 1 })],
      ['GET', '/trpc/reports.save?input=%7B%7D', undefined],
      ['GET', '/trpc/reports.get?input=%7Bnot-json', undefined],
      ['GET', '/trpc/reports.get?input=1&input=2', undefined],
      ['HEAD', '/trpc/reports.get', undefined],
      ['POST', '/trpc/no.such', body({})],
      ['POST', '/trpc/__proto__', body({})],
      ['POST', '/trpc/reports', body({})],
      ['POST', '/trpc/%E0%A4%A', body({})],
      ['POST', '/trpc/constructor', body({})],
    ] as const) {
      expect(directCall(appRouter, method, at(path), sent), `${method} ${path}`).toBeUndefined();
    }
  });
});

describe('a direct answer is the fetch adapter’s', () => {
  /** Sends the call as is and with `_=1`; returns both replies' status, headers and text. */
  async function both(client: Client, method: 'GET' | 'POST', path: string, input?: unknown) {
    const send = async (extra: string) => {
      const query =
        method === 'GET' && input !== undefined ? `input=${encodeURIComponent(JSON.stringify(input))}` : '';
      const search = [query, extra].filter(Boolean).join('&');
      const init: RequestInit =
        method === 'POST'
          ? { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) }
          : {};
      const headers = new Headers(init.headers);
      if (client.cookie) headers.set('cookie', client.cookie);
      const response = await fetch(new URL(`${path}${search ? `?${search}` : ''}`, server.url), {
        ...init,
        headers,
      });
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        vary: response.headers.get('vary'),
        cache: response.headers.get('cache-control'),
        body: await response.text(),
      };
    };
    return { direct: await send(''), adapter: await send('_=1') };
  }

  it('for a query, a missing report, input that fails validation, and a call without a session', async () => {
    for (const [client, method, path, input] of [
      [filler, 'GET', '/trpc/reports.list', { year: 2021 }],
      [filler, 'GET', '/trpc/auth.me', undefined],
      [filler, 'GET', '/trpc/reports.get', { id: 99999 }],
      [filler, 'GET', '/trpc/reports.get', { id: 'x' }],
      [
        filler,
        'POST',
        '/trpc/reports.save',
        { id, baseVersion: version, data: { ...data, cells: { 't1.x': -1 } } },
      ],
      [filler, 'POST', '/trpc/reports.save', { id, baseVersion: version, data, extra: 1 }],
      [new Client(server.url), 'POST', '/trpc/reports.save', { id, baseVersion: version, data }],
    ] as const) {
      const { direct, adapter } = await both(client, method, path, input);
      expect(direct, `${method} ${path}`).toEqual(adapter);
      expect(direct.type).toBe('application/json');
    }
  });

  it('leaves a path with malformed percent-encoding to the adapter, which refuses it (400)', async () => {
    const reply = await filler.request('/trpc/%E0%A4%A', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ error: { data: { code: 'BAD_REQUEST' } } });
  });

  it('for a save and for a stale save (a conflict)', async () => {
    const { direct, adapter } = await both(filler, 'POST', '/trpc/reports.save', {
      id,
      baseVersion: version,
      data,
    });
    expect(direct.status).toBe(200);
    // The second save is refused (it was based on the version the first replaced): compare the
    // first with a save that succeeds through the adapter, and the conflicts with each other.
    const saved = JSON.parse(direct.body).result.data;
    expect(adapter.status).toBe(409);
    const again = await both(filler, 'POST', '/trpc/reports.save', { id, baseVersion: saved.version, data });
    const viaAdapter = await fetch(new URL('/trpc/reports.save?_=1', server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: filler.cookie },
      body: JSON.stringify({ id, baseVersion: saved.version + 1, data }),
    });
    const adapted = JSON.parse(await viaAdapter.text()).result.data;
    const sameBut = (r: { version: number; updatedAt: string }) => ({ ...r, version: 0, updatedAt: '' });
    expect(sameBut(adapted)).toEqual(sameBut(saved));
    expect(again.direct.status).toBe(200);
    const conflicts = await both(filler, 'POST', '/trpc/reports.save', { id, baseVersion: version, data });
    // Each refused save is kept with its own id: the rest of the answer is the same.
    const withoutId = (text: string) => text.replace(/"rejectedSaveId":\d+/, '"rejectedSaveId":0');
    expect(conflicts.direct.status).toBe(409);
    expect({ ...conflicts.direct, body: withoutId(conflicts.direct.body) }).toEqual({
      ...conflicts.adapter,
      body: withoutId(conflicts.adapter.body),
    });
  });
});
