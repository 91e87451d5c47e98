/** Both official formats in the real app, in Chinese and in English, every label from the definition. */
import { join } from 'node:path';
import { format2019 } from '@nianbao/schema';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { cell, launch, login, newPage, saved } from './browser.ts';
import { DEMO, OUTPUT } from './server.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

it('shows the approved 2019 report read-only in the 2019 layout, then in English', async () => {
  const page = await newPage(browser, baseUrl);
  await login(page, DEMO.filler);
  await page.getByRole('link', { name: /2019年政府信息公开工作年度报告/ }).click();
  await cell(page, 't2.procurement.total_amount').waitFor();
  expect(await cell(page, 't2.licensing.change').getAttribute('readonly')).not.toBeNull();
  const t2 = page.locator('[data-table="t2"]');
  await t2.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(OUTPUT, 'format-2019-table2.png') });
  const t3 = format2019.sections.find((s) => s.table?.id === 't3')!;
  await page.locator(`#nb-section-${t3.id}`).scrollIntoViewIfNeeded();
  expect(await page.locator('[data-table="t3"] th[rowspan="20"]').textContent()).toBe('三、本年度办理结果');

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: t3.label.en }).waitFor();
  for (const section of format2019.sections) {
    expect(await page.getByRole('heading', { level: 2, name: section.label.en }).count()).toBe(1);
  }
  await page.locator('[data-table="t3"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(OUTPUT, 'format-2019-table3-en.png') });
  await page.getByRole('button', { name: '中文' }).click();
  await page.getByRole('heading', { name: t3.label.zh }).waitFor();
});

it('fills table 三 from a block pasted from a spreadsheet', async () => {
  const page = await newPage(browser, baseUrl);
  await login(page, DEMO.filler);
  await page.getByRole('link', { name: /2021年政府信息公开工作年度报告/ }).click();
  const start = cell(page, 't3.granted.natural_person');
  await start.waitFor();
  await start.focus();
  // Two rows of seven columns as Excel copies them, 总计 included, with a thousands separator.
  await start.evaluate((el) => {
    const data = new DataTransfer();
    data.setData('text/plain', '1,200\t2\t0\t0\t0\t1\t1203\r\n3\t0\t0\t0\t0\t0\t3\r\n');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  expect(await cell(page, 't3.granted.natural_person').inputValue()).toBe('1200');
  expect(await cell(page, 't3.granted.other_org').inputValue()).toBe('1');
  expect(await cell(page, 't3.partially_granted.natural_person').inputValue()).toBe('3');
  expect(await cell(page, 't3.results_total.total').textContent()).toBe('1206');
  expect(await page.locator('.nb-notice').textContent()).toContain('已粘贴 12 个单元格');
  await saved(page);
  await page.screenshot({ path: join(OUTPUT, 'pasted.png') });
  await page.getByRole('button', { name: 'English' }).click();
  await page.locator('.nb-findings [data-rule="R3-BAL"]').first().waitFor();
  expect(await page.locator('.nb-findings').textContent()).toContain('does not balance');
  await page.screenshot({ path: join(OUTPUT, 'pasted-en.png') });
  await page.getByRole('button', { name: '中文' }).click();
});

it('sends a change at once when the user leaves the report before autosave', async () => {
  const page = await newPage(browser, baseUrl);
  await login(page, DEMO.filler);
  const link = page.getByRole('link', { name: /2021年政府信息公开工作年度报告/ });
  await link.click();
  await cell(page, 't4.litigation_direct.pending').fill('4');
  await page.getByRole('link', { name: '返回报告列表' }).click();
  await page.getByRole('heading', { name: '年度报告' }).waitFor();
  await page.waitForTimeout(1500);
  await page.evaluate(() => localStorage.clear());
  await link.click();
  await cell(page, 't4.litigation_direct.pending').waitFor();
  expect(await cell(page, 't4.litigation_direct.pending').inputValue()).toBe('4');
});

it('creates a 2020 report in the 2019 format and keeps signed counts and amounts', async () => {
  const page = await newPage(browser, baseUrl);
  await login(page, DEMO.filler);
  await page.getByLabel('年度').selectOption('2020');
  await page.getByRole('button', { name: '新建 2020 年度报告' }).click();
  await cell(page, 't2.licensing.change').waitFor();
  expect(await page.locator('.nb-facts').textContent()).toContain('2019年版格式（试行）');
  await cell(page, 't2.licensing.change').pressSequentially('-3');
  await cell(page, 't2.procurement.total_amount').pressSequentially('95.5a');
  expect(await cell(page, 't2.procurement.total_amount').inputValue()).toBe('95.5');
  await saved(page);
  await page.reload();
  await cell(page, 't2.licensing.change').waitFor();
  expect(await cell(page, 't2.licensing.change').inputValue()).toBe('-3');
  expect(await cell(page, 't2.procurement.total_amount').inputValue()).toBe('95.5');
});
