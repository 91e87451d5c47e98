/**
 * A corpus of malformed requests: each gets a 4xx with a message, the server keeps serving, and the
 * stored data do not change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, example, type TestServer, testServer } from './helpers.ts';

let server: TestServer;
let client: Client;
let id: number;
let version: number;
let valid: Record<string, unknown>;

beforeAll(async () => {
  server = await testServer();
  client = new Client(server.url);
  await client.login('tiantan', 'tiantan-demo');
  const draft = (await client.call('query', 'reports.list', { year: 2021 })).rows[0];
  id = draft.id;
  valid = { ...example('demo-county-2021'), organisation: { zh: '天坛街道办事处' } };
  version = (await client.call('mutation', 'reports.save', { id, baseVersion: draft.version, data: valid }))
    .version;
});
afterAll(() => server.stop());

type Body = string | Uint8Array<ArrayBuffer>;
interface Case {
  name: string;
  path: string;
  method?: 'GET' | 'POST';
  body?: Body;
  headers?: Record<string, string>;
  /** A text the message must hold: the field it names. */
  names?: string;
}

const cells = (patch: Record<string, unknown>) => ({
  ...valid,
  cells: { ...(valid.cells as object), ...patch },
});
const save = (name: string, input: unknown): Case => ({
  name,
  path: '/trpc/reports.save',
  body: JSON.stringify(input),
});
const saveData = (name: string, data: unknown): Case => save(name, { id, baseVersion: version, data });
const raw = (name: string, body: Body, path = '/trpc/reports.save'): Case => ({ name, path, body });
const query = (name: string, path: string, input: string): Case => ({
  name,
  path: `/trpc/${path}?input=${encodeURIComponent(input)}`,
  method: 'GET',
});

function corpus(): Case[] {
  const narrative = valid.narrative as Record<string, { zh: string; en?: string }>;
  const utf8 = Buffer.from(JSON.stringify({ id, baseVersion: version, data: valid }));
  const at = utf8.indexOf(Buffer.from('"zh":"')) + 6;
  const withBytes = (bytes: number[]) =>
    new Uint8Array(Buffer.concat([utf8.subarray(0, at), Buffer.from(bytes), utf8.subarray(at)]));
  const validJson = JSON.stringify({ id, baseVersion: version, data: valid });
  return [
    // Wrong types and shapes
    saveData('data is a string', 'hello'),
    saveData('data is null', null),
    saveData('data is an array', []),
    saveData('data is a number', 42),
    save('id is a string', { id: String(id), baseVersion: version, data: valid }),
    save('id is negative', { id: -1, baseVersion: version, data: valid }),
    save('id is a fraction', { id: 1.5, baseVersion: version, data: valid }),
    save('id is zero', { id: 0, baseVersion: version, data: valid }),
    save('id is huge', { id: 1e20, baseVersion: version, data: valid }),
    save('baseVersion missing', { id, data: valid }),
    save('baseVersion is a string', { id, baseVersion: 'v1', data: valid }),
    save('baseVersion is negative', { id, baseVersion: -3, data: valid }),
    save('baseVersion is a fraction', { id, baseVersion: 2.5, data: valid }),
    raw(
      'baseVersion is 1e999 (Infinity)',
      `{"id":${id},"baseVersion":1e999,"data":${JSON.stringify(valid)}}`,
    ),
    // Cells
    saveData('a count is negative', cells({ 't3.new_received.natural_person': -1 })),
    saveData('a count is a fraction', cells({ 't3.new_received.natural_person': 1.5 })),
    saveData('a count is a string', cells({ 't3.new_received.natural_person': '12' })),
    saveData('a count is 1e300', cells({ 't3.new_received.natural_person': 1e300 })),
    saveData('a count is beyond 2^53', cells({ 't3.new_received.natural_person': 2 ** 53 + 2 })),
    saveData('a count is a boolean', cells({ 't3.new_received.natural_person': true })),
    saveData('a count is an object', cells({ 't3.new_received.natural_person': { value: 1 } })),
    saveData('an amount has 5 decimals', cells({ 't2.fees.amount_wan_yuan': '1.23456' })),
    saveData('an amount is negative', cells({ 't2.fees.amount_wan_yuan': '-1' })),
    saveData('an amount in exponent form', cells({ 't2.fees.amount_wan_yuan': '1e5' })),
    saveData('an unknown cell', cells({ 't9.nowhere.total': 1 })),
    // Strings
    saveData('a narrative of 60,000 characters', {
      ...valid,
      narrative: { ...narrative, 's1.active': { zh: '公'.repeat(60_000) } },
    }),
    saveData('an organisation name of 10,000 characters', {
      ...valid,
      organisation: { zh: '机'.repeat(10_000) },
    }),
    {
      name: 'a comment of 100,000 characters',
      path: '/trpc/reports.return',
      body: JSON.stringify({ id, version, comment: 'x'.repeat(100_000) }),
    },
    {
      name: 'a password of 10,000 characters',
      path: '/trpc/auth.login',
      body: JSON.stringify({ login: 'tiantan', password: 'p'.repeat(10_000) }),
    },
    // Unknown and dangerous keys
    save('an unknown key in the input', { id, baseVersion: version, data: valid, extra: true }),
    saveData('an unknown key in the data', { ...valid, status: 'approved' }),
    saveData('an unknown narrative block', {
      ...valid,
      narrative: { ...narrative, 's9.secret': { zh: 'x' } },
    }),
    saveData('an unknown key in a narrative block', {
      ...valid,
      narrative: { ...narrative, 's1.active': { zh: 'x', html: '<b>' } },
    }),
    raw(
      '__proto__ in the input',
      `{"__proto__":{"admin":true},"id":${id},"baseVersion":${version},"data":${JSON.stringify(valid)}}`,
    ),
    raw('__proto__ in the data', validJson.replace('"format":', '"__proto__":{"polluted":1},"format":')),
    raw(
      '__proto__ in the cells',
      validJson.replace('"cells":{', '"cells":{"__proto__":{"t3.new_received.natural_person":99},'),
    ),
    raw(
      'constructor.prototype in the narrative',
      validJson.replace('"narrative":{', '"narrative":{"constructor":{"prototype":{"x":1}},'),
    ),
    // SQL-looking strings where numbers or names belong
    query('SQL in an id', 'reports.get', `{"id":"1 OR 1=1"}`),
    query('SQL in a year', 'reports.list', `{"year":"2021; DROP TABLE reports"}`),
    {
      name: 'SQL in a login',
      path: '/trpc/auth.login',
      body: JSON.stringify({ login: "' OR '1'='1' --", password: "' OR '1'='1" }),
    },
    {
      name: 'SQL in an organisation id',
      path: '/trpc/reports.create',
      body: `{"organisationId":"'; DELETE FROM users; --","year":2023}`,
    },
    query('an unknown status', 'reports.list', `{"status":"deleted"}`),
    query('a page before the first', 'reports.list', `{"page":0}`),
    query('a page of 100,000 reports', 'reports.list', `{"size":100000}`),
    // Values out of range
    { name: 'a year before 2019', path: '/trpc/reports.create', body: '{"year":1999}' },
    { name: 'a fractional year', path: '/trpc/reports.create', body: '{"year":2021.5}' },
    saveData('the data of another year', { ...valid, year: 2022 }),
    saveData('the 2019 format for a 2021 report', { ...valid, format: '2019' }),
    saveData('an unknown format', { ...valid, format: '2099' }),
    saveData('a date that is not a date', { ...valid, date: 'yesterday' }),
    {
      name: 'an empty return comment',
      path: '/trpc/reports.return',
      body: JSON.stringify({ id, version, comment: '   ' }),
    },
    // Broken JSON and bodies
    raw('an unclosed object', '{'),
    raw('a missing value', '{"id":}'),
    raw('an empty body', ''),
    raw('the body null', 'null'),
    raw('not JSON at all', 'hello world'),
    raw('trailing garbage', `${validJson} xyz`),
    raw('NaN as a token', `{"id":NaN,"baseVersion":${version},"data":{}}`),
    raw('100,000 nested arrays', '['.repeat(100_000)),
    query('broken JSON in a query input', 'reports.get', '{bad'),
    // Encodings and sizes
    raw('invalid UTF-8 inside a narrative', withBytes([0xff, 0xfe])),
    raw('an overlong UTF-8 encoding', withBytes([0xc0, 0xaf])),
    raw('a truncated UTF-8 sequence', withBytes([0xe5, 0xa4])),
    raw(
      'a 10 MB body',
      `{"id":${id},"baseVersion":${version},"data":{"pad":"${'x'.repeat(10 * 1024 * 1024)}"}}`,
    ),
    // Wrong routes and methods
    {
      name: 'a mutation called with GET',
      path: `/trpc/reports.save?input=${encodeURIComponent(`{"id":${id},"baseVersion":${version},"data":{}}`)}`,
      method: 'GET',
    },
    { name: 'an unknown procedure', path: '/trpc/reports.drop', body: '{}' },
    {
      name: 'a batch of 51 calls',
      path: `/trpc/${Array(51).fill('auth.me').join(',')}?batch=1`,
      method: 'GET',
    },
    {
      name: 'a cross-site POST',
      path: '/trpc/reports.save',
      body: validJson,
      headers: { origin: 'https://evil.example' },
    },
    {
      name: 'a malformed Origin header',
      path: '/trpc/reports.save',
      body: validJson,
      headers: { origin: 'not a url' },
    },
    { name: 'a PDF in an unknown language', path: `/reports/${id}.pdf?lang=fr`, method: 'GET' },
    { name: 'a PDF of a report that does not exist', path: '/reports/999999.pdf', method: 'GET' },
    { name: 'a path outside the app', path: '/../../etc/passwd', method: 'GET' },
    ...unicodeCases(narrative),
    ...crossSiteCases(validJson),
  ];
}

/** Unpaired surrogates, U+0000 and U+202E in every text field a filler can send; the answer names the field. */
function unicodeCases(narrative: Record<string, { zh: string; en?: string }>): Case[] {
  const bad: [string, string][] = [
    ['an unpaired surrogate', '\ud800'],
    ['U+0000', '\u0000'],
    ['U+202E', '\u202e'],
  ];
  const out: Case[] = [];
  for (const [what, c] of bad) {
    for (const block of Object.keys(narrative)) {
      for (const lang of ['zh', 'en'] as const) {
        out.push({
          ...saveData(`${what} in narrative ${block}.${lang}`, {
            ...valid,
            narrative: { ...narrative, [block]: { ...narrative[block], [lang]: `公开${c}工作` } },
          }),
          names: block,
        });
      }
    }
    out.push({
      ...saveData(`${what} in organisation.zh`, { ...valid, organisation: { zh: `天坛${c}` } }),
      names: 'organisation.zh',
    });
    out.push({
      ...saveData(`${what} in organisation.en`, {
        ...valid,
        organisation: { zh: '天坛街道办事处', en: `Tian${c}tan` },
      }),
      names: 'organisation.en',
    });
    out.push({
      name: `${what} in a return comment`,
      path: '/trpc/reports.return',
      body: JSON.stringify({ id, version, comment: `退回${c}` }),
      names: 'comment',
    });
    out.push({
      name: `${what} in a reopen reason`,
      path: '/trpc/reports.reopen',
      body: JSON.stringify({ id, version, reason: `理由${c}` }),
      names: 'reason',
    });
    out.push({
      name: `${what} in a login`,
      path: '/trpc/auth.login',
      body: JSON.stringify({ login: `tian${c}tan`, password: 'x' }),
      names: 'login',
    });
    out.push({
      name: `${what} in an import file name`,
      path: '/trpc/imports.read',
      body: JSON.stringify({ file: { name: `a${c}.txt`, content: Buffer.from('x').toString('base64') } }),
      names: 'name',
    });
  }
  return out;
}

/** Posts a page on another site (or a sandboxed one, Origin null) could make, to each kind of mutation. */
function crossSiteCases(validJson: string): Case[] {
  const senders: [string, Record<string, string>][] = [
    ['Origin null, multipart', { origin: 'null', 'content-type': 'multipart/form-data; boundary=x' }],
    ['Origin null, urlencoded', { origin: 'null', 'content-type': 'application/x-www-form-urlencoded' }],
    ['Origin null, text/plain', { origin: 'null', 'content-type': 'text/plain' }],
    ['Origin null, JSON', { origin: 'null', 'content-type': 'application/json' }],
    [
      'same-site JSON',
      { origin: 'http://127.0.0.1:1', 'sec-fetch-site': 'same-site', 'content-type': 'application/json' },
    ],
    ['no Origin, text/plain', { 'content-type': 'text/plain' }],
    ['no Origin, urlencoded', { 'content-type': 'application/x-www-form-urlencoded' }],
  ];
  const out: Case[] = [];
  for (const path of [
    'reports.save',
    'auth.logout',
    'auth.login',
    'reports.create',
    'reports.submit',
    'reports.return',
    'reports.reopen',
    'reports.restore',
    'imports.read',
    'imports.create',
  ]) {
    for (const [what, headers] of senders)
      out.push({ name: `${what} to ${path}`, path: `/trpc/${path}`, body: validJson, headers });
  }
  return out;
}

async function snapshot(): Promise<string> {
  const tables = ['organisations', 'users', 'reports', 'report_revisions', 'rejected_saves'] as const;
  const out: Record<string, unknown> = {};
  for (const t of tables) out[t] = await server.db.selectFrom(t).selectAll().orderBy('id').execute();
  return JSON.stringify(out);
}

describe('malformed requests', () => {
  it('answers each with a 4xx and a message, keeps serving, and changes nothing stored', async () => {
    const cases = corpus();
    expect(cases.length).toBeGreaterThanOrEqual(200);
    const before = await snapshot();
    const results: string[] = [];
    for (const c of cases) {
      const method = c.method ?? 'POST';
      const reply = await client.request(c.path, {
        method,
        headers: { ...(method === 'POST' ? { 'content-type': 'application/json' } : {}), ...c.headers },
        body: method === 'POST' ? c.body : undefined,
      });
      const errors = Array.isArray(reply.body) ? reply.body : [reply.body];
      const message = (
        errors[0] as { error?: { data?: { message?: { zh?: unknown; en?: unknown } } } } | undefined
      )?.error?.data?.message;
      results.push(`${reply.status} ${c.name}: ${JSON.stringify(message).slice(0, 100)}`);
      expect(reply.status, c.name).toBeGreaterThanOrEqual(400);
      expect(reply.status, c.name).toBeLessThan(500);
      // Every message comes in Chinese and English.
      expect(
        typeof message?.zh === 'string' &&
          /[\u4e00-\u9fff]/.test(message.zh) &&
          typeof message.en === 'string' &&
          /[a-z]/.test(message.en),
        `${c.name}: ${JSON.stringify(reply.body).slice(0, 200)}`,
      ).toBe(true);
      if (c.names) expect(JSON.stringify(message), c.name).toContain(c.names);
      expect((await fetch(new URL('/healthz', server.url))).status, `serving after ${c.name}`).toBe(200);
    }
    expect(await snapshot()).toBe(before);
    // The session still works and the report is as it was.
    const report = await client.call('query', 'reports.get', { id });
    expect(report.version).toBe(version);
    expect(report.data.narrative['s1.active'].zh).toBe(
      (valid.narrative as Record<string, { zh: string }>)['s1.active']!.zh,
    );
    if (process.env.NIANBAO_SHOW_CORPUS) console.log(results.join('\n'));
  });

  it('names the cell and says what to do, in Chinese and English', async () => {
    const reply = await client.mutate('reports.save', {
      id,
      baseVersion: version,
      data: cells({ 't3.new_received.natural_person': -1 }),
    });
    const error = (
      reply.body as {
        error: {
          data: {
            message: { zh: string; en: string };
            issues: { path: string[]; message: { zh: string; en: string } }[];
          };
        };
      }
    ).error;
    expect(reply.status).toBe(400);
    expect(error.data.issues[0]!.path).toEqual(['cells', 't3.new_received.natural_person']);
    expect(error.data.issues[0]!.message.zh).toContain('不小于 0 的整数');
    expect(error.data.issues[0]!.message.en).toContain('whole number of 0 or more');
    expect(error.data.message.zh).toContain('不小于 0 的整数');
    expect(error.data.message.en).toContain('whole number of 0 or more');
  });
});
