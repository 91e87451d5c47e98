/**
 * A desk export of 20,000 bodies over HTTP, on SQLite and on PostgreSQL: the export's worker reads
 * the rows through its own connection and builds the file, while the server keeps answering
 * /healthz (which reads the database too) at its usual pace. Built in the main thread, the same
 * export held it up for most of its length (bench/export.ts: the longest stall 16 s of 23 s).
 */
import { seedSubordinates } from '@nianbao/db';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, type TestServer, testServer } from './helpers.ts';

const BODIES = 20_000;
let server: TestServer;
let reviewer: Client;

beforeAll(async () => {
  server = await testServer();
  reviewer = new Client(server.url);
  await reviewer.login('reviewer', 'reviewer-demo');
  const parent = (await reviewer.call('query', 'auth.me')).organisation.id;
  await seedSubordinates(server.db, { parentId: parent, count: BODIES, fanout: 100, prefix: '示范单位' });
});
afterAll(() => server.stop());

/** Asks /healthz back to back until `done` settles; the time of each answer. */
async function healthWhile(done: Promise<unknown>): Promise<number[]> {
  let finished = false;
  void done.finally(() => {
    finished = true;
  });
  const times: number[] = [];
  while (!finished) {
    const started = performance.now();
    const reply = await fetch(`${server.url}/healthz`);
    expect(reply.status).toBe(200);
    await reply.arrayBuffer();
    times.push(performance.now() - started);
    await new Promise((r) => setTimeout(r, 20));
  }
  return times;
}

it('exports 20,000 bodies as CSV and .xlsx while /healthz keeps answering', async () => {
  // The worker's start and module loading first, so that the measured export is the export.
  const csv = await reviewer.call('query', 'desk.export', { year: 2021, format: 'csv', lang: 'zh' });
  const lines = Buffer.from(csv.base64, 'base64').toString('utf8').trim().split('\r\n');
  // The header, the demo's 天坛 and town, the seeded bodies.
  expect(lines).toHaveLength(1 + 2 + BODIES);

  const started = performance.now();
  const exported = reviewer.call('query', 'desk.export', { year: 2021, format: 'xlsx', lang: 'zh' });
  const health = await healthWhile(exported);
  const took = performance.now() - started;
  const xlsx = Buffer.from((await exported).base64, 'base64');
  expect(xlsx.subarray(0, 2).toString()).toBe('PK');
  expect(xlsx.length).toBeGreaterThan(300_000);
  // Relative, so that a busy machine slows both alike: many answers during the export, none held
  // up for more than a fraction of it (in the main thread: one stall of most of the export).
  const longest = Math.max(...health);
  console.log(
    `xlsx of ${BODIES} bodies: ${took.toFixed(0)} ms; /healthz answered ${health.length} times, longest ${longest.toFixed(0)} ms`,
  );
  expect(health.length).toBeGreaterThanOrEqual(5);
  expect(longest).toBeLessThan(took / 4);
});
