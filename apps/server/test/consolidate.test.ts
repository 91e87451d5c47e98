import { createOrganisation, createUser } from '@nianbao/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, example, failure, otherOrganisation, type TestServer, testServer } from './helpers.ts';

let server: TestServer;
let filler: Client;
let reviewer: Client;
let admin: Client;
let town: Client;
let village: Client;
let outsider: Client;
const PARENT = 1;
const ids: Record<string, number> = {};

/** The demo-county 2021 figures times `k` under another name: every rule that holds for them still holds. */
function scaled(k: number, organisation: { zh: string; en?: string }) {
  const base = example('demo-county-2021') as {
    cells: Record<string, number | string | null>;
    narrative: Record<string, unknown>;
  };
  const cells: Record<string, number | string | null> = {};
  for (const [id, v] of Object.entries(base.cells)) {
    cells[id] =
      typeof v === 'number' ? v * k : typeof v === 'string' ? String(Number((Number(v) * k).toFixed(4))) : v;
  }
  // The narrative states the demo's own figures (X-TEXT would compare them with the scaled tables).
  const narrative = Object.fromEntries(
    Object.keys(base.narrative).map((id) => [id, { zh: '本年度相关工作情况见各表。' }]),
  );
  return { ...base, organisation, cells, narrative };
}

async function fill(client: Client, organisation: { zh: string; en?: string }, k: number, submit: boolean) {
  const list = (await client.call('query', 'reports.list', { year: 2021 })).rows;
  const report = list[0] ?? (await client.call('mutation', 'reports.create', { year: 2021 }));
  const saved = await client.call('mutation', 'reports.save', {
    id: report.id,
    baseVersion: report.version,
    data: scaled(k, organisation),
  });
  expect(saved.errors).toBe(0);
  if (submit) await client.call('mutation', 'reports.submit', { id: report.id, version: saved.version });
  return report.id as number;
}

beforeAll(async () => {
  server = await testServer();
  const login = async (name: string, password: string) => {
    const c = new Client(server.url);
    await c.login(name, password);
    return c;
  };
  filler = await login('tiantan', 'tiantan-demo');
  reviewer = await login('reviewer', 'reviewer-demo');
  admin = await login('admin', 'admin-demo');
  const other = await otherOrganisation(server);
  town = await login(other.login, other.password);
  const villageOrg = await createOrganisation(server.db, { nameZh: '示范区某乡人民政府', parentId: PARENT });
  await createUser(server.db, {
    login: 'xiang',
    displayName: '某乡 填报人',
    password: 'xiang-password',
    role: 'filler',
    organisationId: villageOrg.id,
  });
  village = await login('xiang', 'xiang-password');
  const silent = await createOrganisation(server.db, { nameZh: '示范区未报送局', parentId: PARENT });
  ids.silent = silent.id;
  // A reviewer of an unrelated body, with a subordinate of its own.
  const elsewhere = await createOrganisation(server.db, { nameZh: '另一县人民政府' });
  await createOrganisation(server.db, { nameZh: '另一县某局', parentId: elsewhere.id });
  await createUser(server.db, {
    login: 'other-reviewer',
    displayName: '另一县 审核人',
    password: 'other-reviewer-pw',
    role: 'reviewer',
    organisationId: elsewhere.id,
  });
  outsider = await login('other-reviewer', 'other-reviewer-pw');

  ids.tiantan = await fill(filler, { zh: '天坛街道办事处', en: 'Tiantan Subdistrict Office' }, 1, true);
  ids.town = await fill(town, { zh: '示范区某镇人民政府', en: 'A Town Government' }, 2, true);
  ids.village = await fill(village, { zh: '示范区某乡人民政府' }, 3, false);
});
afterAll(() => server.stop());

const rowsOf = (page: { rows: { name: { zh: string }; value: unknown }[] }) =>
  page.rows.map((r) => [r.name.zh, r.value]);

describe('汇总 (consolidation)', () => {
  it('sums three subordinate reports cell by cell, passes the rules and lists the one without a report', async () => {
    const result = await reviewer.call('query', 'consolidate.preview', { year: 2021, includeDrafts: true });
    expect(result.organisation.name.zh).toBe('济源产城融合示范区管理委员会');
    expect(result.included.map((o: { reportId: number }) => o.reportId)).toEqual([
      ids.tiantan,
      ids.town,
      ids.village,
    ]);
    // The demo seed's 示范区演示镇人民政府 has a 2019 report only.
    expect(result.missing).toEqual([
      {
        organisationId: 3,
        name: { zh: '示范区演示镇人民政府', en: 'Demo Town Government' },
        reason: 'no-report',
        reportId: null,
      },
      { organisationId: ids.silent, name: { zh: '示范区未报送局' }, reason: 'no-report', reportId: null },
    ]);
    const stored = await Promise.all(
      [ids.tiantan, ids.town, ids.village].map((id) => reviewer.call('query', 'reports.get', { id })),
    );
    let compared = 0;
    for (const [cell, value] of Object.entries(result.data.cells)) {
      const parts = stored.map((r) => r.data.cells[cell]);
      if (parts.every((p) => p === null || p === undefined)) {
        expect(value, cell).toBeNull();
        continue;
      }
      if (typeof value === 'string') {
        const units = parts.reduce((s, p) => s + Math.round(Number(p ?? 0) * 10000), 0);
        expect(Math.round(Number(value) * 10000), cell).toBe(units);
      } else {
        expect(value, cell).toBe(parts.reduce((s, p) => s + Number(p ?? 0), 0));
      }
      compared++;
    }
    expect(compared).toBeGreaterThan(100);
    expect(result.data.cells['t3.new_received.total']).toBe(
      6 * stored[0].data.cells['t3.new_received.total'],
    );
    expect(result.data.cells['t2.fees.amount_wan_yuan']).toBe('74.1');
    expect(result.findings.filter((f: { level: string }) => f.level === 'error')).toEqual([]);
    expect(result.errors).toBe(0);
  });

  it('leaves drafts out unless asked, and names them', async () => {
    const result = await reviewer.call('query', 'consolidate.preview', { year: 2021 });
    expect(result.included.map((o: { reportId: number }) => o.reportId)).toEqual([ids.tiantan, ids.town]);
    expect(
      result.missing.map((o: { reason: string; name: { zh: string } }) => [o.name.zh, o.reason]),
    ).toEqual([
      ['示范区演示镇人民政府', 'no-report'],
      ['示范区某乡人民政府', 'draft'],
      ['示范区未报送局', 'no-report'],
    ]);
    expect(result.data.narrative['s6.other'].zh).toContain('示范区未报送局');
  });

  it('breaks one cell down by body in pages, in one request per page, with the sum over all of them', async () => {
    const preview = await reviewer.call('query', 'consolidate.preview', { year: 2021, includeDrafts: true });
    const stored = await Promise.all(
      [ids.tiantan, ids.town, ids.village].map((id) => reviewer.call('query', 'reports.get', { id })),
    );
    for (const cell of ['t3.new_received.total', 't2.fees.amount_wan_yuan']) {
      const first = await reviewer.call('query', 'consolidate.contributions', {
        year: 2021,
        includeDrafts: true,
        cell,
        limit: 2,
      });
      expect(first.total).toBe(3);
      expect(first.nextCursor).toBe(2);
      const second = await reviewer.call('query', 'consolidate.contributions', {
        year: 2021,
        includeDrafts: true,
        cell,
        cursor: first.nextCursor,
        limit: 2,
      });
      expect(second.nextCursor).toBeNull();
      const rows = [...first.rows, ...second.rows];
      // The preview's order, each body's own stored figure, and the preview's sum.
      expect(rows.map((r: { reportId: number }) => r.reportId)).toEqual(
        preview.included.map((o: { reportId: number }) => o.reportId),
      );
      expect(rows.map((r: { value: unknown }) => r.value)).toEqual(stored.map((r) => r.data.cells[cell]));
      expect(first.sum, cell).toEqual(preview.data.cells[cell]);
      expect(second.sum, cell).toEqual(preview.data.cells[cell]);
    }
    expect(
      rowsOf(
        await reviewer.call('query', 'consolidate.contributions', {
          year: 2021,
          cell: 't2.fees.amount_wan_yuan',
        }),
      ),
    ).toEqual([
      ['天坛街道办事处', '12.35'],
      ['示范区某镇人民政府', '24.7'],
    ]);
  });

  it('refuses an unknown cell or page size naming the field, and keeps the breakdown to the parent’s reviewers', async () => {
    for (const [input, field] of [
      [{ year: 2021, cell: 't9.nothing' }, 'cell'],
      [{ year: 2021, cell: 't3.new_received.total', limit: 0 }, 'limit'],
      [{ year: 2021, cell: 't3.new_received.total', cursor: -1 }, 'cursor'],
    ] as const) {
      const error = await failure(reviewer.call('query', 'consolidate.contributions', input));
      expect(error.status, field).toBe(400);
      expect((error.data.issues as { path: string[] }[])[0]!.path).toEqual([field]);
      expect(error.text.zh, field).toBeTruthy();
      expect(error.text.en, field).toBeTruthy();
    }
    const unknown = await failure(
      reviewer.call('query', 'consolidate.contributions', { year: 2021, cell: 't9.nothing' }),
    );
    expect(unknown.text.zh).toContain('单元格（cell）「t9.nothing」');
    expect(unknown.text.en).toContain('cell "t9.nothing"');
    const cell = 't3.new_received.total';
    expect(
      (await failure(filler.call('query', 'consolidate.contributions', { year: 2021, cell }))).code,
    ).toBe('FORBIDDEN');
    expect(
      (
        await failure(
          outsider.call('query', 'consolidate.contributions', { organisationId: PARENT, year: 2021, cell }),
        )
      ).code,
    ).toBe('NOT_FOUND');
  });

  it('stores the 汇总 as the parent’s draft, updates it by a versioned save, and downloads it as PDF', async () => {
    const saved = await reviewer.call('mutation', 'consolidate.save', { year: 2021, includeDrafts: true });
    const report = await reviewer.call('query', 'reports.get', { id: saved.report.id });
    expect(report.organisation.id).toBe(PARENT);
    expect(report.status).toBe('draft');
    expect(report.data.cells['t3.new_received.total']).toBe(saved.data.cells['t3.new_received.total']);
    expect(report.data.narrative['s6.other'].zh).toContain('3 个单位');

    // Again: the report exists, so the office confirms with the version it saw; the narrative it wrote stays.
    const written = await reviewer.call('mutation', 'reports.save', {
      id: report.id,
      baseVersion: report.version,
      data: {
        ...report.data,
        narrative: { ...report.data.narrative, 's1.active': { zh: '本机关汇总说明。' } },
      },
    });
    expect((await failure(reviewer.call('mutation', 'consolidate.save', { year: 2021 }))).code).toBe(
      'CONFLICT',
    );
    const again = await reviewer.call('mutation', 'consolidate.save', {
      year: 2021,
      baseVersion: written.version,
    });
    expect(again.report.version).toBe(written.version + 1);
    const updated = await reviewer.call('query', 'reports.get', { id: report.id });
    expect(updated.data.narrative['s1.active'].zh).toBe('本机关汇总说明。');
    // Without the village's draft: 1× + 2× the base figures instead of 1× + 2× + 3×.
    expect(updated.data.cells['t3.new_received.total']).toBe(report.data.cells['t3.new_received.total'] / 2);
    const revisions = await reviewer.call('query', 'reports.revisions', { id: report.id });
    expect(revisions.map((r: { reason: string }) => r.reason)).toEqual([
      'consolidate',
      'save',
      'consolidate',
    ]);

    for (const lang of ['zh', 'zh-en']) {
      const pdf = await reviewer.request(`/reports/${report.id}.pdf?lang=${lang}`);
      expect(pdf.status, lang).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      expect(String(pdf.body).startsWith('%PDF-')).toBe(true);
    }
  });

  it('is for reviewers and administrators of the parent organisation only', async () => {
    expect((await failure(filler.call('query', 'consolidate.preview', { year: 2021 }))).code).toBe(
      'FORBIDDEN',
    );
    expect(
      (await failure(filler.call('query', 'consolidate.preview', { organisationId: PARENT, year: 2021 })))
        .code,
    ).toBe('NOT_FOUND');
    expect(
      (await failure(outsider.call('query', 'consolidate.preview', { organisationId: PARENT, year: 2021 })))
        .code,
    ).toBe('NOT_FOUND');
    expect(
      (await failure(outsider.call('mutation', 'consolidate.save', { organisationId: PARENT, year: 2021 })))
        .code,
    ).toBe('NOT_FOUND');
    // The outsider's own 汇总 holds nothing of this parent's subordinates.
    const own = await outsider.call('query', 'consolidate.preview', { year: 2021 });
    expect(own.included).toEqual([]);
    expect(own.missing.map((o: { name: { zh: string } }) => o.name.zh)).toEqual(['另一县某局']);
    const admins = await admin.call('query', 'consolidate.preview', { year: 2021 });
    expect(admins.included).toHaveLength(2);
    // A subordinate body without units below it has nothing to consolidate.
    const error = await failure(
      reviewer.call('query', 'consolidate.preview', { organisationId: ids.silent, year: 2021 }),
    );
    expect(error.code).toBe('PRECONDITION_FAILED');
    expect(error.text.zh).toMatch(/没有下级机关/);
    expect(error.text.en).toMatch(/no subordinate/);
  });
});
