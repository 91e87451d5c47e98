/**
 * The reports list a page at a time, over HTTP, on SQLite and on PostgreSQL: pages that neither
 * overlap nor skip a report however they are cut, the total beside every page (also past the last
 * one), filters, the filler's own body only, and bad page inputs refused with the field named.
 */
import { seedReports, seedSubordinates } from '@nianbao/db';
import { exampleText } from '@nianbao/examples';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, failure, type TestServer, testServer } from './helpers.ts';

let server: TestServer;
let reviewer: Client;
let filler: Client;
/** Bodies seeded below the demo parent, each with a 2021 report. */
const SEEDED = 130;
/** The demo's own reports: 天坛 2019 and 2021, the demo town's 2019. */
const DEMO_REPORTS = 3;

interface Summary {
  id: number;
  year: number;
  status: string;
  organisation: { id: number; name: { zh: string } };
}
interface Page {
  rows: Summary[];
  total: number;
  page: number;
  size: number;
}

beforeAll(async () => {
  server = await testServer();
  reviewer = new Client(server.url);
  await reviewer.login('reviewer', 'reviewer-demo');
  filler = new Client(server.url);
  await filler.login('tiantan', 'tiantan-demo');
  const parent = (await reviewer.call('query', 'auth.me')).organisation.id;
  const bodies = await seedSubordinates(server.db, { parentId: parent, count: SEEDED, prefix: '测试镇' });
  await seedReports(server.db, {
    organisationIds: bodies,
    year: 2021,
    format: '2021',
    data: exampleText('demo-county-2021'),
    userId: null,
    status: (i) => (i % 3 === 0 ? 'submitted' : 'draft'),
  });
});
afterAll(() => server.stop());

const list = (client: Client, input?: object): Promise<Page> => client.call('query', 'reports.list', input);

describe('reports.list pages', () => {
  it('cuts every report into pages that neither overlap nor skip one, with the total on each', async () => {
    const total = SEEDED + DEMO_REPORTS;
    const whole = await list(reviewer, { size: 200 });
    expect(whole.total).toBe(total);
    expect(whole.rows).toHaveLength(total);
    // Newest year first; within a year by name (测试镇1, 测试镇10, 测试镇100, …: the same order every time).
    const years = whole.rows.map((r) => r.year);
    expect(years).toEqual([...years].sort((a, b) => b - a));

    for (const size of [50, 7]) {
      const seen: number[] = [];
      const pages = Math.ceil(total / size);
      for (let page = 1; page <= pages; page++) {
        const p = await list(reviewer, { page, size });
        expect({ total: p.total, page: p.page, size: p.size }).toEqual({ total, page, size });
        expect(p.rows).toHaveLength(page < pages ? size : total - size * (pages - 1));
        seen.push(...p.rows.map((r) => r.id));
      }
      expect(seen).toEqual(whole.rows.map((r) => r.id));
    }
  });

  it('answers the default page of 50 without any input, and past the last page no rows but the total', async () => {
    const first = await list(reviewer);
    expect({ page: first.page, size: first.size, rows: first.rows.length }).toEqual({
      page: 1,
      size: 50,
      rows: 50,
    });
    const beyond = await list(reviewer, { page: 99, size: 50 });
    expect(beyond.rows).toEqual([]);
    expect(beyond.total).toBe(SEEDED + DEMO_REPORTS);
  });

  it('counts what the filters leave: a year, a status, one body', async () => {
    const of2019 = await list(reviewer, { year: 2019 });
    expect(of2019.total).toBe(2);
    expect(of2019.rows.every((r) => r.year === 2019)).toBe(true);
    const submitted = await list(reviewer, { year: 2021, status: 'submitted', size: 10 });
    expect(submitted.total).toBe(Math.ceil(SEEDED / 3));
    expect(submitted.rows).toHaveLength(10);
    expect(submitted.rows.every((r) => r.status === 'submitted')).toBe(true);
    const [one] = submitted.rows;
    const own = await list(reviewer, { organisationId: one!.organisation.id });
    expect(own.rows.map((r) => r.id)).toEqual([one!.id]);
  });

  it("gives a filler their own body's reports only, paged the same way", async () => {
    const own = await list(filler, { size: 1 });
    expect(own.total).toBe(2);
    expect(own.rows.map((r) => [r.year, r.organisation.name.zh])).toEqual([[2021, '天坛街道办事处']]);
    const second = await list(filler, { page: 2, size: 1 });
    expect(second.rows.map((r) => r.year)).toEqual([2019]);
  });

  it('refuses a page or size out of range with a 400 naming the field', async () => {
    for (const [input, field] of [
      [{ page: 0 }, 'page'],
      [{ size: 201 }, 'size'],
      [{ size: 0 }, 'size'],
      [{ page: 1.5 }, 'page'],
    ] as const) {
      const error = await failure(list(reviewer, input));
      expect(error.status).toBe(400);
      expect(JSON.stringify(error.data)).toContain(field);
    }
  });
});
