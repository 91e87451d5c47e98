/**
 * 汇总 shows what it adds up: with no report included it says so plainly (no green 「符合全部规则」
 * for zero reports); with reports included it shows the summed tables as read-only grids, and a
 * selected cell lists each subordinate body's figure.
 */
import { join } from 'node:path';
import { createOrganisation, openDatabase, seedReports } from '@nianbao/db';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { type Body, countyReport, newBody } from './bodies.ts';
import { cell, launch, login } from './browser.ts';
import { OUTPUT } from './server.ts';

const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');
let browser: Browser;
let body: Body;
const county = JSON.parse(countyReport(2021)) as { cells: Record<string, number> };
const ID = 't3.new_received.natural_person';

beforeAll(async () => {
  body = await newBody(dataDir, 'sum', [{ year: 2021, status: 'approved' }]);
  // A second body below the same parent with the same approved figures.
  const db = await openDatabase({ file: join(dataDir, 'nianbao.sqlite') });
  try {
    const town = await createOrganisation(db, { nameZh: 'sum演示镇人民政府', parentId: body.parentId });
    await seedReports(db, {
      organisationIds: [town.id],
      year: 2021,
      format: '2021',
      data: countyReport(2021),
      userId: null,
      status: () => 'approved',
    });
  } finally {
    await db.destroy();
  }
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function open(size: { width: number; height: number; scale: number }): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: size.width, height: size.height },
    deviceScaleFactor: size.scale,
    baseURL: baseUrl,
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  await login(page, body.reviewer);
  await page.getByRole('link', { name: '汇总下级机关报告' }).click();
  return page;
}

it('says plainly that nothing was included, without the green tick', async () => {
  const page = await open({ width: 1366, height: 768, scale: 1 });
  await page.getByLabel('年度').selectOption('2022');
  await expect
    .poll(() => page.locator('.banner-warning').textContent())
    .toContain('没有计入任何报告：所属 2 个单位都没有已提交或已通过的 2022 年度报告');
  expect(await page.locator('.tag-ok').count()).toBe(0);
  expect(await page.locator('.consolidate-tables').count()).toBe(0);
  await page.screenshot({ path: join(OUTPUT, 'consolidate-nothing.png') });
  await page.context().close();
});

for (const size of [
  { name: '1366x768', width: 1366, height: 768, scale: 1 },
  { name: '1366x768-125', width: 1093, height: 614, scale: 1.25 },
]) {
  it(`at ${size.name} shows the summed tables and one cell's figure by body`, async () => {
    const page = await open(size);
    await page.getByLabel('年度').selectOption('2021');
    const summed = cell(page, ID);
    await summed.waitFor();
    expect(await summed.inputValue()).toBe(String(2 * county.cells[ID]!));
    expect(await summed.getAttribute('readonly')).not.toBeNull();
    // One server query gives every body's figure: no report is fetched from the browser for it.
    const asked: string[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith('/trpc/')) asked.push(...path.slice(6).split(','));
    });
    await summed.click();
    const rows = page.getByTestId('contributions');
    await expect
      .poll(() => rows.locator('tbody td').allTextContents())
      .toEqual([String(county.cells[ID]), String(county.cells[ID])]);
    expect(await rows.locator('tbody th').allTextContents()).toEqual(
      expect.arrayContaining(['sum街道办事处', 'sum演示镇人民政府']),
    );
    expect(await rows.locator('tfoot td').textContent()).toBe(String(2 * county.cells[ID]!));
    expect(await rows.locator('tfoot th').textContent()).toBe('合计（2 个单位）');
    expect(asked).toEqual(['consolidate.contributions']);
    await page.screenshot({ path: join(OUTPUT, `consolidate-tables-${size.name}.png`) });
    await page.context().close();
  });
}
