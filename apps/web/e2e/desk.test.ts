/**
 * The parent body's desk in Chromium against the real server: a province's reviewer with 3,000
 * subordinate bodies (seeded straight into the server's database, as the API would take minutes)
 * sees the counts and the first page at once, filters to the overdue ones and approves two
 * submitted reports in one go.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createOrganisation, createUser, openDatabase, seedReports, seedSubordinates } from '@nianbao/db';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { consoleErrors, launch, login, newPage } from './browser.ts';
import { OUTPUT, REPO_ROOT } from './server.ts';

const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');
const REVIEWER = { login: 'e2e-province', password: 'e2e-province-password' };
const YEAR = new Date().getFullYear() - 1;
const BODIES = 3000;

let browser: Browser;
let page: Page;

beforeAll(async () => {
  const db = await openDatabase({ file: join(dataDir, 'nianbao.sqlite') });
  try {
    const province = await createOrganisation(db, { nameZh: '示范省人民政府' });
    await createUser(db, {
      ...REVIEWER,
      displayName: '省政务公开办',
      role: 'reviewer',
      organisationId: province.id,
    });
    // 60 cities below the province and the rest below them; deadlines on 1 January, so passed.
    const cities = await seedSubordinates(db, {
      parentId: province.id,
      count: 60,
      prefix: '示范市',
      deadline: '01-01',
    });
    const below = await seedSubordinates(db, {
      parentId: cities[0]!,
      count: BODIES - 60,
      fanout: 60,
      prefix: '示范单位',
      deadline: '01-01',
    });
    const filler = await createUser(db, {
      login: 'e2e-province-filler',
      displayName: '示范市填报人',
      password: 'e2e-province-filler-password',
      role: 'filler',
      organisationId: cities[0]!,
    });
    const statuses = ['submitted', 'approved', 'draft', 'returned'] as const;
    await seedReports(db, {
      organisationIds: [...cities, ...below].filter((_, i) => i % 5 !== 4),
      year: YEAR,
      format: YEAR >= 2021 ? '2021' : '2019',
      data: readFileSync(join(REPO_ROOT, 'examples/demo-county-2021.report.json'), 'utf8').replace(
        '"year": 2021',
        `"year": ${YEAR}`,
      ),
      userId: filler.id,
      status: (i) => statuses[i % 4]!,
    });
  } finally {
    await db.destroy();
  }
  browser = await launch();
  page = await newPage(browser, baseUrl);
  await login(page, REVIEWER);
});
afterAll(async () => {
  await browser?.close();
});

const count = async (label: RegExp) =>
  Number((await page.getByRole('button', { name: label }).locator('strong').textContent()) ?? NaN);

it('shows the counts and the first page of 3,000 bodies within 2 s', async () => {
  await page.getByRole('link', { name: '报送进度' }).click();
  const started = Date.now();
  await page.getByRole('heading', { name: '下级机关报送进度' }).waitFor();
  await page.locator('.desk-table tbody tr').first().waitFor();
  const took = Date.now() - started;
  expect(took).toBeLessThan(2000);
  expect(await count(/^全部/)).toBe(BODIES);
  expect(await count(/^未填报/)).toBe(BODIES / 5);
  expect(await page.locator('.desk-table tbody tr').count()).toBe(50);
  await expect.poll(() => page.getByText(`共 ${BODIES} 个机关`).count()).toBe(1);
  await page.screenshot({ path: join(OUTPUT, 'desk-first-page.png') });
});

it('filters to the overdue bodies', async () => {
  const overdue = await count(/^已逾期/);
  // Deadline passed: no report, drafts and returned ones (submitted and approved are done).
  expect(overdue).toBe(BODIES / 5 + (2 * (BODIES * 4)) / 5 / 4);
  await page.getByRole('button', { name: /^已逾期/ }).click();
  await expect.poll(() => page.getByText(`共 ${overdue} 个机关`).count()).toBe(1);
  const tags = await page
    .locator('.desk-table tbody tr')
    .evaluateAll((rows) => rows.map((r) => r.querySelector('.tag-error')?.textContent ?? ''));
  expect(tags.every((t) => /^逾期 \d+ 天$/.test(t))).toBe(true);
  await page.screenshot({ path: join(OUTPUT, 'desk-overdue.png') });
  await page.getByRole('button', { name: /^已逾期/ }).click();
});

it('approves two submitted reports at once', async () => {
  const submitted = await count(/^已提交/);
  const approved = await count(/^已审核/);
  await page.getByRole('button', { name: /^已提交/ }).click();
  await expect.poll(() => page.getByText(`共 ${submitted} 个机关`).count()).toBe(1);
  const boxes = page.locator('.desk-table tbody input[type="checkbox"]');
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await expect(page.getByText('已选 2 份')).toBeTruthy();
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: '审核通过所选' }).click();
  await page.getByText('2 份已全部处理。').waitFor();
  await expect.poll(() => count(/^已审核/)).toBe(approved + 2);
  expect(await count(/^已提交/)).toBe(submitted - 2);
  await page.screenshot({ path: join(OUTPUT, 'desk-approved.png') });
  expect(consoleErrors).toEqual([]);
});

it('finds bodies by the 拼音 initials of their names', async () => {
  // 示范市1 and 示范市10–19 of the 60 cities: 「sfs1」 are their initials' beginning. Every status.
  await page.getByRole('button', { name: /^全部/ }).click();
  await page.getByLabel('按名称或拼音首字母查找').fill('sfs1');
  await expect.poll(() => page.getByText('共 11 个机关').count()).toBe(1);
  const names = await page.locator('.desk-table tbody tr td:nth-child(2)').allTextContents();
  expect(names.every((n) => /^示范市1\d?$/.test(n))).toBe(true);
  await page.screenshot({ path: join(OUTPUT, 'desk-initials.png') });
  await page.getByLabel('按名称或拼音首字母查找').fill('');
  expect(consoleErrors).toEqual([]);
});
