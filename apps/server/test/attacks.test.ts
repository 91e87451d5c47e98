/**
 * The attacks of the hardening run (issue 10), each against the real server over HTTP: a retitled
 * report, text that breaks downloads, requests from other sites and forms, false body sizes.
 */
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { appRouter } from '@nianbao/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heavyPdf } from './heavyPdf.ts';
import { Client, example, failure, type TestServer, testServer } from './helpers.ts';

let server: TestServer;
let filler: Client;
let reportId: number;
let version: number;

const bilingual = /[\u4e00-\u9fff].*｜.*[a-z]/;
const messageOf = (body: unknown) => String((body as { error?: { message?: unknown } }).error?.message);

beforeAll(async () => {
  server = await testServer();
  filler = new Client(server.url);
  await filler.login('tiantan', 'tiantan-demo');
  const draft = (await filler.call('query', 'reports.list', { year: 2021 })).rows[0];
  reportId = draft.id;
  version = draft.version;
});
afterAll(() => server.stop());

/** One HTTP exchange on a raw socket, for requests fetch will not send (false sizes, huge URLs). */
function rawExchange(request: string, waitMs = 10_000): Promise<{ text: string; ms: number }> {
  const { hostname, port } = new URL(server.url);
  const started = performance.now();
  return new Promise((resolveReply, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(request));
    let text = '';
    socket.on('data', (d) => (text += d.toString('utf8')));
    socket.on('close', () => resolveReply({ text, ms: performance.now() - started }));
    socket.on('error', reject);
    socket.setTimeout(waitMs, () => {
      socket.destroy();
      resolveReply({ text, ms: performance.now() - started });
    });
  });
}

describe("another body's name on a report", () => {
  it('keeps the name of the organisation record in the stored data, the PDF and the HTML', async () => {
    const forged = {
      ...example('demo-county-2021'),
      organisation: { zh: '国务院办公厅', en: 'General Office of the State Council' },
    };
    const saved = await filler.call('mutation', 'reports.save', {
      id: reportId,
      baseVersion: version,
      data: forged,
    });
    version = saved.version;
    expect(saved.data.organisation.zh).toBe('天坛街道办事处');
    const report = await filler.call('query', 'reports.get', { id: reportId });
    expect(report.data.organisation.zh).toBe('天坛街道办事处');
    expect(JSON.stringify(report.data.organisation)).not.toContain('State Council');

    const pdf = await filler.request(`/reports/${reportId}.pdf`);
    expect(pdf.status).toBe(200);
    const name = decodeURIComponent(pdf.headers.get('content-disposition')!.split("UTF-8''")[1]!);
    expect(name).toBe('天坛街道办事处2021年政府信息公开工作年度报告.pdf');
    const html = await filler.request(`/reports/${reportId}.html`);
    expect(html.status).toBe(200);
    expect(String(html.body)).toContain('天坛街道办事处');
    expect(String(html.body)).not.toContain('国务院办公厅');
  });
});

describe('text that breaks downloads', () => {
  it('refuses an unpaired surrogate in the name, naming the field', async () => {
    const error = await failure(
      filler.call('mutation', 'reports.save', {
        id: reportId,
        baseVersion: version,
        data: { ...example('demo-county-2021'), organisation: { zh: '天坛\ud800街道' } },
      }),
    );
    expect(error.status).toBe(400);
    expect(error.message).toContain('organisation.zh');
    expect(error.message).toMatch(bilingual);
  });

  it('downloads a report whose stored name or narrative holds any such character (stored before the check)', async () => {
    const stored = await server.db
      .selectFrom('reports')
      .select('data')
      .where('id', '=', reportId)
      .executeTakeFirstOrThrow();
    const data = JSON.parse(stored.data);
    data.organisation.zh = '天坛\ud800\u0000\u202e街道';
    data.narrative['s1.active'].zh = `公开\udc00\u0000\u202e工作`;
    // A new version, so that no cached rendering of the clean one is served.
    await server.db
      .updateTable('reports')
      .set({ data: JSON.stringify(data), version: version + 1 })
      .where('id', '=', reportId)
      .execute();
    for (const path of ['.pdf', '.pdf?lang=zh&download=0', '.html']) {
      const reply = await filler.request(`/reports/${reportId}${path}`);
      expect(reply.status, path).toBeLessThan(500);
      expect(reply.headers.get('content-disposition'), path).toContain("UTF-8''");
    }
    await server.db
      .updateTable('reports')
      .set({ data: stored.data, version })
      .where('id', '=', reportId)
      .execute();
  });
});

const mutations = Object.entries(appRouter._def.procedures)
  .filter(([, p]) => (p as unknown as { _def: { type: string } })._def.type === 'mutation')
  .map(([path]) => path);

describe('requests from other sites and from forms', () => {
  const forms: [string, Record<string, string>, string][] = [
    [
      'multipart with Origin null',
      { origin: 'null', 'sec-fetch-site': 'same-site', 'content-type': 'multipart/form-data; boundary=x' },
      '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n',
    ],
    [
      'urlencoded with Origin null',
      { origin: 'null', 'content-type': 'application/x-www-form-urlencoded' },
      'a=1',
    ],
    ['text/plain with Origin null', { origin: 'null', 'content-type': 'text/plain' }, '{"a":1}'],
    [
      'JSON from another port of the same site',
      { origin: 'http://127.0.0.1:1', 'sec-fetch-site': 'same-site', 'content-type': 'application/json' },
      '{}',
    ],
    [
      'JSON from another site',
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
      '{}',
    ],
    [
      'JSON with Origin null from the same site',
      { origin: 'null', 'sec-fetch-site': 'same-site', 'content-type': 'application/json' },
      '{}',
    ],
    [
      'multipart without Origin',
      { 'sec-fetch-site': 'same-site', 'content-type': 'multipart/form-data; boundary=x' },
      '--x--\r\n',
    ],
  ];

  it('refuses every mutation, logout included, with 403 and a bilingual message', async () => {
    expect(mutations).toContain('auth.logout');
    expect(mutations).toContain('reports.save');
    expect(mutations.length).toBeGreaterThan(10);
    for (const path of mutations) {
      for (const [name, headers, body] of forms) {
        const reply = await filler.request(`/trpc/${path}`, { method: 'POST', headers, body });
        expect(reply.status, `${path}: ${name}`).toBe(403);
        expect(messageOf(reply.body), `${path}: ${name}`).toMatch(bilingual);
      }
    }
    // The session outlived every attempt to log it out.
    expect((await filler.call('query', 'auth.me')).login).toBe('tiantan');
  });

  it('takes only JSON on mutations, even from a client that sends no Origin', async () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      '',
    ]) {
      const reply = await filler.request('/trpc/auth.logout', {
        method: 'POST',
        headers: type ? { 'content-type': type } : {},
        body: '{}',
      });
      expect(reply.status, type).toBe(415);
      expect(messageOf(reply.body), type).toMatch(bilingual);
    }
    expect((await filler.call('query', 'auth.me')).login).toBe('tiantan');
  });
});

describe('slow and false bodies', () => {
  it('answers a body declared larger than the limit with 413 at once', async () => {
    const { text, ms } = await rawExchange(
      `POST /trpc/reports.save HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nCookie: ${filler.cookie}\r\nContent-Length: 10000000000\r\n\r\n{}`,
    );
    expect(text).toMatch(/^HTTP\/1\.1 413 /);
    expect(ms).toBeLessThan(2_000);
    expect(text.slice(text.indexOf('\r\n\r\n'))).toMatch(bilingual);
  });

  it('answers a 30 KB URL with 431 and a bilingual message', async () => {
    const { text } = await rawExchange(
      `GET /trpc/auth.me?input=${'a'.repeat(30_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
    );
    expect(text).toMatch(/^HTTP\/1\.1 431 /);
    expect(text.slice(text.indexOf('\r\n\r\n'))).toMatch(bilingual);
  });

  it('answers a body that never arrives with 408 and a bilingual message', async () => {
    const slow = await testServer({ requestTimeoutMs: 1_000 });
    try {
      const { hostname, port } = new URL(slow.url);
      const reply = await new Promise<string>((resolveReply, reject) => {
        const socket = connect(Number(port), hostname, () =>
          socket.write(
            'POST /trpc/auth.login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
          ),
        );
        let text = '';
        socket.on('data', (d) => (text += d));
        socket.on('close', () => resolveReply(text));
        socket.on('error', reject);
      });
      expect(reply).toMatch(/^HTTP\/1\.1 408 /);
      expect(reply.slice(reply.indexOf('\r\n\r\n'))).toMatch(bilingual);
    } finally {
      await slow.stop();
    }
  });
});

const upload = (name: string, bytes: Uint8Array | string) => ({
  name,
  content: Buffer.from(bytes).toString('base64'),
});
const deepHtml = (depth: number) =>
  `<html><body>${'<div>'.repeat(depth)}<p>2021年政府信息公开工作年度报告</p>${'</div>'.repeat(depth)}</body></html>`;

describe('uploads made to freeze the service', () => {
  it('answers a 400-page PDF of short lines with a 4xx within 10 s while health checks and saves stay fast', async () => {
    const other = new Client(server.url);
    await other.login('tiantan', 'tiantan-demo');
    const started = performance.now();
    let importDone = false;
    const importing = filler
      .mutate('imports.read', { file: upload('heavy.pdf', heavyPdf(400, 700)) })
      .finally(() => (importDone = true));
    const health: number[] = [];
    const saves: number[] = [];
    const current = await other.call('query', 'reports.get', { id: reportId });
    let base = current.version;
    const data = example('demo-county-2021');
    do {
      let t = performance.now();
      expect((await fetch(new URL('/healthz', server.url))).status).toBe(200);
      health.push(performance.now() - t);
      t = performance.now();
      base = (await other.call('mutation', 'reports.save', { id: reportId, baseVersion: base, data }))
        .version;
      saves.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 50));
    } while (!importDone);
    const reply = await importing;
    version = base;
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.status).toBeLessThan(500);
    expect(messageOf(reply.body)).toMatch(bilingual);
    expect(messageOf(reply.body)).toContain('60');
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(Math.max(...health), `health ${health.map(Math.round)}`).toBeLessThan(500);
    expect(Math.max(...saves), `saves ${saves.map(Math.round)}`).toBeLessThan(500);
  });

  it('refuses a text file far larger than a report, and deep HTML (5,000 and 100,000 levels), with a 4xx', async () => {
    const files = [
      upload('big.txt', '第一行 12 34\n'.repeat(100_000)),
      upload('deep.html', deepHtml(5_000)),
      upload('deeper.html', deepHtml(100_000)),
      upload('deep-b.html', `<html><body>${'<b>'.repeat(100_000)}x</body></html>`),
    ];
    for (const file of files) {
      const t = performance.now();
      const reply = await filler.mutate('imports.read', { file });
      expect(reply.status, file.name).toBeGreaterThanOrEqual(400);
      expect(reply.status, file.name).toBeLessThan(500);
      expect(messageOf(reply.body), file.name).toMatch(bilingual);
      expect(performance.now() - t, file.name).toBeLessThan(10_000);
    }
  });

  it('reads one file per user at a time, and gives up on a file that takes too long', async () => {
    const tiantan = readFileSync(
      new URL('../../../packages/import/test/fixtures/tiantan-2019.txt', import.meta.url),
    );
    const slow = await testServer({ imports: { timeoutMs: 1 } });
    try {
      const client = new Client(slow.url);
      await client.login('tiantan', 'tiantan-demo');
      const reply = await client.mutate('imports.read', { file: upload('tiantan.txt', tiantan) });
      expect(reply.status).toBe(422);
      expect(messageOf(reply.body)).toMatch(bilingual);
    } finally {
      await slow.stop();
    }
    const [first, second] = await Promise.all([
      filler.mutate('imports.read', { file: upload('heavy.pdf', heavyPdf(400, 700)) }),
      filler.mutate('imports.read', { file: upload('tiantan.txt', tiantan) }),
    ]);
    expect(first.status).toBeGreaterThanOrEqual(400);
    expect(second.status).toBe(429);
    expect(messageOf(second.body)).toMatch(bilingual);
    // Once the first is done, the same user imports again.
    const again = await filler.mutate('imports.read', { file: upload('tiantan.txt', tiantan) });
    expect(again.status).toBe(200);
  });
});
