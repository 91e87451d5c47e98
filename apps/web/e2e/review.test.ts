/** Review round trip: returned with a comment, seen by the filler; history with restore. */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { cell, createReport, fillRequiredTexts, launch, login, newPage, saved } from './browser.ts';
import { DEMO, OUTPUT } from './server.ts';

const baseUrl = inject('baseUrl');
const YEAR = 2023;
let browser: Browser;
let page: Page;
let url = '';

beforeAll(async () => {
  browser = await launch();
  page = await newPage(browser, baseUrl);
});
afterAll(async () => {
  await browser?.close();
});

it('is returned by the reviewer with a comment the filler sees', async () => {
  await login(page, DEMO.filler);
  await createReport(page, YEAR);
  await cell(page, 't4.review.maintained').waitFor();
  url = page.url();
  await fillRequiredTexts(page);
  await cell(page, 't4.review.maintained').fill('2');
  // Last year's carry-over (when the other test made last year's report) must be balanced too.
  const fixes = page.locator('.nb-findings [data-rule="R3-BAL"] .nb-fix');
  while ((await fixes.count()) > 0) await fixes.first().click();
  expect(await page.locator('.nb-findings .nb-finding-error').count()).toBe(0);
  await saved(page);
  await page.getByRole('button', { name: '提交审核' }).click();
  await page.getByRole('button', { name: '确认提交' }).click();
  await page.locator('.editor-title .status-submitted').waitFor();

  await page.getByRole('button', { name: '退出' }).click();
  await login(page, DEMO.reviewer);
  await page.goto(url);
  await page.getByRole('button', { name: '退回修改' }).click();
  await page.getByLabel('退回意见').fill('请补充第五部分的整改措施。');
  await page.getByRole('button', { name: '确认退回' }).click();
  await page.locator('.editor-title .status-draft').waitFor();
  expect(await page.getByRole('button', { name: '审核通过' }).count()).toBe(0);

  await page.getByRole('button', { name: '退出' }).click();
  await login(page, DEMO.filler);
  await page.goto(url);
  await page.getByText('请补充第五部分的整改措施。').waitFor();
  expect(await cell(page, 't4.review.maintained').getAttribute('readonly')).toBeNull();
});

it('lists the revisions and restores an earlier one', async () => {
  await cell(page, 't4.review.maintained').fill('7');
  await saved(page);
  await page.getByRole('button', { name: '修订记录' }).click();
  // The saved versions (the workflow steps between them are entries of their own).
  const items = page.locator('.history > li:not(.history-event)');
  await items.nth(2).waitFor();
  await page.screenshot({ path: join(OUTPUT, 'history.png') });
  // Newest first: the version with 2 is the one before the 7.
  // A version is looked at before it is restored.
  await items.nth(1).getByRole('button', { name: '查看改动' }).click();
  await items.nth(1).getByRole('button', { name: '恢复此版本' }).click();
  await page.getByText(/已恢复第 \d+ 版的内容/).waitFor();
  expect(await cell(page, 't4.review.maintained').inputValue()).toBe('2');
  await page.reload();
  await cell(page, 't4.review.maintained').waitFor();
  expect(await cell(page, 't4.review.maintained').inputValue()).toBe('2');
});
