/**
 * Blank tables (issue 18, 3): a table left blank, and a blank 一、本年新收 row, are findings; a
 * report whose tables are all 0 is submitted only once the filler confirms the body had none.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import {
  cell,
  consoleErrors,
  createReport,
  fillRequiredTexts,
  launch,
  login,
  newPage,
  saved,
} from './browser.ts';
import { ownBody, zoomed } from './ownBody.ts';
import { OUTPUT } from './server.ts';

const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');
const YEAR = 2022;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const body = await ownBody(dataDir, 'zero', '示范区无申请街道办事处');
  browser = await launch();
  page = await newPage(browser, baseUrl);
  await login(page, body.filler);
  await createReport(page, YEAR);
  await cell(page, 't4.review.maintained').waitFor();
  await fillRequiredTexts(page, '本年度未收到政府信息公开申请。');
});
afterAll(async () => {
  await browser?.close();
});

const finding = (rule: string) => page.locator(`.nb-findings [data-rule="${rule}"]`);

it('names each blank table, and a blank 一、本年新收 row, in the findings', async () => {
  await expect.poll(() => finding('T-BLANK').count()).toBe(3);
  expect(await finding('T-BLANK').first().textContent()).toContain('的表格还是空白');
  await cell(page, 't3.carried_over.natural_person').fill('1');
  await cell(page, 't3.carried_forward.natural_person').fill('1');
  await expect.poll(() => finding('T-BLANK').count()).toBe(2);
  expect(await finding('T-ROW').textContent()).toContain('「一、本年新收政府信息公开申请数量」一行还是空白');
  await finding('T-ROW').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(OUTPUT, 'blank-table-findings.png') });
  await cell(page, 't3.carried_over.natural_person').fill('');
  await cell(page, 't3.carried_forward.natural_person').fill('');
});

it('asks to confirm that the body had none before submitting all-zero tables', async () => {
  await page.getByRole('button', { name: '空格填 0', exact: true }).click();
  await expect.poll(() => finding('T-BLANK').count()).toBe(0);
  await saved(page);
  await page.getByRole('button', { name: '提交审核' }).click();
  const dialog = page.getByRole('dialog', { name: '提交审核' });
  const check = dialog.getByRole('checkbox', { name: /报告的全部表格都是 0 或空白/ });
  await check.waitFor();
  expect(await dialog.getByRole('button', { name: '确认提交' }).isDisabled()).toBe(true);
  await page.screenshot({ path: join(OUTPUT, 'submit-all-zero.png') });
  const small = await zoomed(browser, page);
  await small.getByRole('button', { name: '提交审核' }).click();
  await small.getByRole('checkbox', { name: /报告的全部表格都是 0 或空白/ }).waitFor();
  await small.screenshot({ path: join(OUTPUT, 'submit-all-zero-125.png') });
  await small.context().close();
  await check.check();
  await dialog.getByRole('button', { name: '确认提交' }).click();
  await page.locator('.editor-title .status-submitted').waitFor();
  expect(consoleErrors).toEqual([]);
});
