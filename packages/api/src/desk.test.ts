import {
  createOrganisation,
  createUser,
  type Db,
  seedReports,
  seedSubordinates,
  updateOrganisation,
} from '@nianbao/db';
import { createTestDatabase, type TestDatabase } from '@nianbao/db/testing';
import { exampleText } from '@nianbao/examples';
import type { Role } from '@nianbao/schema';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiDeps, signedInCaller } from './index.ts';

const DEMO = exampleText('demo-county-2021');
const YEAR = 2021;

let test: TestDatabase;
let db: Db;
const ids: Record<string, number> = {};
let reviewerId = 0;
let fillerId = 0;

/** A caller signed in as `login` (password `${login}-password`). */
function as(login: string) {
  return signedInCaller(createApiDeps({ db }), { login, password: `${login}-password` }, '10.1.0.1');
}

async function user(login: string, role: Role, organisationId: number) {
  return createUser(db, { login, displayName: login, password: `${login}-password`, role, organisationId });
}

beforeAll(async () => {
  test = await createTestDatabase();
  db = await test.open();
  // 市 → 2 县 → departments; the first county has 120 departments, the second 5.
  ids.city = (await createOrganisation(db, { nameZh: '示范市人民政府', nameEn: 'Demo City' })).id;
  ids.countyA = (await createOrganisation(db, { nameZh: '甲县人民政府', parentId: ids.city })).id;
  ids.countyB = (await createOrganisation(db, { nameZh: '乙县人民政府', parentId: ids.city })).id;
  const deptsA = await seedSubordinates(db, { parentId: ids.countyA, count: 120, prefix: '甲县部门' });
  const deptsB = await seedSubordinates(db, {
    parentId: ids.countyB,
    count: 5,
    prefix: '乙县部门',
    deadline: '02-15',
  });
  ids.deptA1 = deptsA[0]!;
  reviewerId = (await user('city-reviewer', 'reviewer', ids.city)).id;
  await user('city-reviewer2', 'reviewer', ids.city);
  await user('county-b-reviewer', 'reviewer', ids.countyB);
  fillerId = (await user('dept-filler', 'filler', ids.deptA1)).id;
  // Department n of county A: n % 5 gives the status; 40 of the 120 have no report.
  const statuses = ['draft', 'returned', 'submitted', 'approved'] as const;
  await seedReports(db, {
    organisationIds: deptsA.slice(0, 80),
    year: YEAR,
    format: '2021',
    data: DEMO,
    userId: fillerId,
    status: (i) => statuses[i % 4]!,
    // Half of the submitted/approved ones after the deadline (2022-01-31).
    submittedAt: (i) => (i % 8 < 4 ? '2022-01-20T08:00:00.000Z' : '2022-02-03T08:00:00.000Z'),
  });
  await seedReports(db, {
    organisationIds: deptsB.slice(0, 2),
    year: YEAR,
    format: '2021',
    data: DEMO,
    userId: fillerId,
    status: () => 'submitted',
  });
});

afterAll(async () => {
  await db.destroy();
  await test.drop();
});

describe('the desk', () => {
  it('pages the whole tree below the body in a stable order with the total', async () => {
    const desk = await as('city-reviewer');
    const seen: number[] = [];
    let total = 0;
    for (let page = 1; page <= 3; page++) {
      const result = await desk.desk.list({ year: YEAR, page, size: 50 });
      total = result.total;
      seen.push(...result.rows.map((r) => r.organisationId));
      expect(result.rows).toHaveLength(page < 3 ? 50 : 127 - 100);
    }
    expect(total).toBe(2 + 120 + 5);
    expect(new Set(seen).size).toBe(127);
    const beyond = await desk.desk.list({ year: YEAR, page: 4, size: 50 });
    expect(beyond).toMatchObject({ rows: [], total: 127 });
    const again = await desk.desk.list({ year: YEAR, page: 2, size: 50 });
    expect(again.rows.map((r) => r.organisationId)).toEqual(seen.slice(50, 100));
  });

  it('counts by status over the whole tree in one answer, filters do not change the counts', async () => {
    const desk = await as('city-reviewer');
    const { counts, total } = await desk.desk.list({ year: YEAR, status: ['submitted'], size: 10 });
    expect(counts).toMatchObject({
      total: 127,
      none: 2 + 40 + 3,
      draft: 20,
      returned: 20,
      submitted: 22,
      approved: 20,
    });
    expect(total).toBe(22);
    // Deadline 2022-01-31 has passed: every body of county A and the counties without a submitted report.
    expect(counts.overdue).toBe(2 + 40 + 20 + 20 + 3);
    // Submitted after the deadline: half of county A's (2022-02-03) and county B's two (today).
    expect(counts.late).toBe(20 + 2);
  });

  it('filters by status, overdue, name and level, and sorts by any column', async () => {
    const desk = await as('city-reviewer');
    const returned = await desk.desk.list({ year: YEAR, status: ['returned'], size: 200 });
    expect(returned.rows.every((r) => r.status === 'returned')).toBe(true);
    const overdue = await desk.desk.list({ year: YEAR, overdue: true, size: 200 });
    expect(overdue.total).toBe(85);
    expect(overdue.rows.every((r) => r.daysLeft !== null && r.daysLeft < 0)).toBe(true);
    const named = await desk.desk.list({ year: YEAR, name: '乙县', size: 200 });
    expect(named.rows.map((r) => r.nameZh)).toEqual([
      '乙县人民政府',
      '乙县部门1',
      '乙县部门2',
      '乙县部门3',
      '乙县部门4',
      '乙县部门5',
    ]);
    expect(named.rows.find((r) => r.nameZh === '乙县部门1')?.deadline).toBe('2022-02-15');
    const wildcard = await desk.desk.list({ year: YEAR, name: '%', size: 10 });
    expect(wildcard.total).toBe(0);
    const english = await desk.desk.list({ year: YEAR, level: 1, size: 10 });
    expect(english.rows.map((r) => r.level)).toEqual([1, 1]);
    const late = await desk.desk.list({ year: YEAR, name: '甲县', sort: 'submittedAt', desc: true, size: 5 });
    expect(late.rows[0]).toMatchObject({ daysLate: 3 });
    const byStatus = await desk.desk.list({ year: YEAR, sort: 'status', size: 200, page: 1 });
    const order = byStatus.rows.map((r) =>
      ['none', 'draft', 'returned', 'submitted', 'approved'].indexOf(r.status),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it("shows a county's reviewer only the county's tree, and refuses a filler", async () => {
    const county = await as('county-b-reviewer');
    const page = await county.desk.list({ year: YEAR });
    expect(page.total).toBe(5);
    await expect(county.desk.list({ year: YEAR, organisationId: ids.city })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const filler = await as('dept-filler');
    await expect(filler.desk.list({ year: YEAR })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const city = await as('city-reviewer');
    const sub = await city.desk.list({ year: YEAR, organisationId: ids.countyB });
    expect(sub.total).toBe(5);
  });

  it('finds a body by the 拼音 initials of its name, also after it was created or renamed', async () => {
    // A tree of its own, so that the counts above stay as they are.
    const root = (await createOrganisation(db, { nameZh: '淮安市人民政府' })).id;
    await user('huaian-admin', 'admin', root);
    const admin = await as('huaian-admin');
    const hongze = (await createOrganisation(db, { nameZh: '洪泽区人民政府', parentId: root })).id;
    await admin.orgs.create({ nameZh: '重庆路街道办事处', parentId: root });
    await admin.orgs.create({ nameZh: '淮安区人民政府', parentId: root });
    const names = async (name: string) =>
      (await admin.desk.list({ year: YEAR, name, size: 50 })).rows.map((r) => r.nameZh);
    expect(await names('hzq')).toEqual(['洪泽区人民政府']);
    expect(await names('HZQ')).toEqual(['洪泽区人民政府']);
    // 重 read in context as chong (重庆), not zhong.
    expect(await names('cql')).toEqual(['重庆路街道办事处']);
    expect(await names('qrmzf')).toEqual(['洪泽区人民政府', '淮安区人民政府']);
    expect(await names('x_')).toEqual([]);
    await admin.orgs.update({ id: hongze, nameZh: '盱眙县人民政府' });
    expect(await names('hzq')).toEqual([]);
    expect(await names('xyx')).toEqual(['盱眙县人民政府']);
  });

  it('approves and returns several reports at once, answering per report', async () => {
    const reviewer = await as('city-reviewer');
    const submitted = await reviewer.desk.list({ year: YEAR, status: ['submitted'], size: 3 });
    const draft = (await reviewer.desk.list({ year: YEAR, status: ['draft'], size: 1 })).rows[0]!;
    const [a, b, c] = submitted.rows;
    // One approved by a second reviewer of the city, one submitted by the reviewer themself.
    await db
      .updateTable('reports')
      .set({ submitted_by: reviewerId })
      .where('id', '=', c!.reportId!)
      .execute();
    const outcome = await reviewer.desk.approve({
      items: [
        { id: a!.reportId!, version: a!.version! },
        { id: draft.reportId!, version: draft.version! },
        { id: c!.reportId!, version: c!.version! },
        { id: b!.reportId!, version: b!.version! + 5 },
      ],
    });
    expect(outcome.map((o) => o.ok)).toEqual([true, false, false, false]);
    expect(outcome[1]!.error!.zh).toMatch(/只有已提交的报告/);
    expect(outcome[2]!.error!.zh).toMatch(/自己提交/);
    expect(outcome[3]!.error!.en).toMatch(/version/);
    const returned = await reviewer.desk.return({
      items: [{ id: b!.reportId!, version: b!.version! }],
      comment: '请补充说明',
    });
    expect(returned).toEqual([{ reportId: b!.reportId, ok: true }]);
    const rows = await db
      .selectFrom('reports')
      .select(['id', 'status', 'returned_at'])
      .where('id', 'in', [a!.reportId!, b!.reportId!, c!.reportId!, draft.reportId!])
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(a!.reportId!)!.status).toBe('approved');
    expect(byId.get(b!.reportId!)).toMatchObject({ status: 'draft' });
    expect(byId.get(b!.reportId!)!.returned_at).not.toBeNull();
    expect(byId.get(c!.reportId!)!.status).toBe('submitted');
    await expect(reviewer.desk.approve({ items: [] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('refuses to approve a report with errors', async () => {
    const reviewer = await as('city-reviewer2');
    const row = (await reviewer.desk.list({ year: YEAR, status: ['submitted'], size: 1 })).rows[0]!;
    await db.updateTable('reports').set({ errors: 2 }).where('id', '=', row.reportId!).execute();
    const [outcome] = await reviewer.desk.approve({ items: [{ id: row.reportId!, version: row.version! }] });
    expect(outcome).toMatchObject({ ok: false, error: { zh: expect.stringMatching(/2 处错误/) } });
  });

  it('exports the filtered desk as .xlsx and CSV', async () => {
    const desk = await as('city-reviewer');
    const xlsx = await desk.desk.export({ year: YEAR, name: '乙县', format: 'xlsx', lang: 'zh' });
    expect(xlsx.filename).toBe('示范市人民政府-2021-报告进度.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(1 + 6);
    expect(sheet.getRow(1).getCell(1).value).toBe('机关');
    expect(sheet.getRow(3).getCell(1).value).toBe('乙县部门1');
    expect(sheet.getRow(5).getCell(1).value).toBe('乙县部门3');
    expect(sheet.getRow(5).getCell(3).value).toBe('未填报');
    const csv = await desk.desk.export({ year: YEAR, status: ['none'], format: 'csv', lang: 'en' });
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFFBody,Level,Status')).toBe(true);
    expect(text.trim().split('\r\n')).toHaveLength(1 + 45);
  });

  // Last: it adds bodies to the tree the other cases count.
  it("moves a body's whole subtree into another county's desk and reports list", async () => {
    const admin = await user('city-admin', 'admin', ids.city!);
    const county = await as('county-b-reviewer');
    const before = await county.desk.list({ year: YEAR, size: 200 });
    const created = await (await as('city-admin')).orgs.create({
      nameZh: '丙县人民政府',
      parentId: ids.city!,
    });
    const towns = await seedSubordinates(db, { parentId: created.id, count: 3, prefix: '丙县乡镇' });
    await seedReports(db, {
      organisationIds: towns.slice(0, 1),
      year: YEAR,
      format: '2021',
      data: DEMO,
      userId: admin.id,
      status: () => 'submitted',
    });
    expect((await county.desk.list({ year: YEAR, size: 200 })).total).toBe(before.total);
    expect((await county.reports.list({ organisationId: towns[0]! })).total).toBe(0);

    await updateOrganisation(db, created.id, { parentId: ids.countyB! });
    const after = await county.desk.list({ year: YEAR, name: '丙县', sort: 'level', size: 200 });
    expect(after.rows.map((r) => [r.nameZh, r.level])).toEqual([
      ['丙县人民政府', 1],
      ['丙县乡镇1', 2],
      ['丙县乡镇2', 2],
      ['丙县乡镇3', 2],
    ]);
    expect(after.counts.total).toBe(before.counts.total + 4);
    expect(after.counts.submitted).toBe(before.counts.submitted + 1);
    const listed = await county.reports.list({ organisationId: towns[0]! });
    expect(listed.rows.map((r) => r.organisation.id)).toEqual([towns[0]]);
    // Still below the city, one level deeper than before.
    const city = await (await as('city-reviewer')).desk.list({ year: YEAR, name: '丙县乡镇', size: 10 });
    expect(city.rows.map((r) => r.level)).toEqual([3, 3, 3]);
  });
});
