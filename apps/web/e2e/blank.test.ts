/**
 * Blank is not 0 (issue 18, 4): a cell left blank stays blank after saving, reloading and
 * restoring an earlier version; the bar counts the blank cells, and 「空格填 0」 fills them with 0
 * on purpose. The PDF prints a blank as 0 (packages/pdf tests).
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { cell, consoleErrors, createReport, launch, login, newPage, saved } from './browser.ts';
import { ownBody, zoomed } from './ownBody.ts';
import { OUTPUT } from './server.ts';

const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');
const YEAR = 2022;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const body = await ownBody(dataDir, 'blank', '示范区空格街道办事处');
  browser = await launch();
  page = await newPage(browser, baseUrl);
  await login(page, body.filler);
  await createReport(page, YEAR);
  await cell(page, 't3.new_received.natural_person').waitFor();
});
afterAll(async () => {
  await browser?.close();
});

const blankCount = async () => Number((await page.locator('.nb-blank').getAttribute('data-blank')) ?? 0);

it('keeps a blank cell blank through save and reload, and counts the blank cells', async () => {
  const before = await blankCount();
  expect(before).toBeGreaterThan(100);
  await cell(page, 't3.new_received.natural_person').fill('3');
  await saved(page);
  await page.reload();
  await cell(page, 't3.new_received.natural_person').waitFor();
  expect(await cell(page, 't3.new_received.natural_person').inputValue()).toBe('3');
  expect(await cell(page, 't3.granted.natural_person').inputValue()).toBe('');
  expect(await cell(page, 't2.rules.issued').inputValue()).toBe('');
  expect(await blankCount()).toBe(before - 1);
  expect(await page.locator('.nb-blank').textContent()).toContain(`还有 ${before - 1} 个空格`);
  // The total of a column whose parts are blank still counts them as 0.
  expect(await cell(page, 't3.new_received.total').textContent()).toBe('3');
  await page.screenshot({ path: join(OUTPUT, 'blank-count.png') });
  const small = await zoomed(browser, page);
  await small.locator('.nb-blank').waitFor();
  await small.screenshot({ path: join(OUTPUT, 'blank-count-125.png') });
  await small.context().close();
});

it('「空格填 0」 fills every blank cell with 0 on purpose, kept after reload; restoring brings blanks back', async () => {
  await page.getByRole('button', { name: '空格填 0', exact: true }).click();
  await page.getByText(/已将 \d+ 个空格填为 0/).waitFor();
  expect(await page.locator('.nb-blank').count()).toBe(0);
  await saved(page);
  await page.reload();
  await cell(page, 't3.granted.natural_person').waitFor();
  expect(await cell(page, 't3.granted.natural_person').inputValue()).toBe('0');
  expect(await cell(page, 't3.new_received.natural_person').inputValue()).toBe('3');
  expect(await page.locator('.nb-blank').count()).toBe(0);

  await page.getByRole('button', { name: '修订记录' }).click();
  const items = page.locator('.history li');
  await items.nth(1).waitFor();
  // Newest first: the one before the fill has the blanks.
  // A version is looked at (its changes listed) before it is restored.
  await items.nth(1).getByRole('button', { name: '查看改动' }).click();
  await items.nth(1).getByRole('button', { name: '恢复此版本' }).click();
  await page.getByText(/已恢复第 \d+ 版的内容/).waitFor();
  expect(await cell(page, 't3.granted.natural_person').inputValue()).toBe('');
  expect(await blankCount()).toBeGreaterThan(100);
  expect(consoleErrors).toEqual([]);
});
