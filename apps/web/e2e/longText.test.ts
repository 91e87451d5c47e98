/**
 * Long text (issue 18, 10): near the 50,000-character limit a counter shows what is left; over it
 * the findings panel says why it cannot be saved, in full, and submitting is blocked with that
 * reason rather than 「请待保存后再操作」.
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
const BLOCK = '一、总体情况 （一）主动公开';
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const body = await ownBody(dataDir, 'long', '示范区长文街道办事处');
  browser = await launch();
  page = await newPage(browser, baseUrl);
  await login(page, body.filler);
  await createReport(page, YEAR);
  await cell(page, 't4.review.maintained').waitFor();
  await fillRequiredTexts(page);
  await cell(page, 't4.review.maintained').fill('2');
  await saved(page);
});
afterAll(async () => {
  await browser?.close();
});

const box = () => page.getByRole('textbox', { name: BLOCK, exact: true });
const counter = () => page.locator('.nb-narrative').filter({ has: box() }).locator('.nb-length');

it('shows a counter near the limit', async () => {
  expect(await counter().count()).toBe(0);
  await box().fill('公'.repeat(49_990));
  await counter().waitFor();
  expect(await counter().textContent()).toBe('已写 49,990 字，上限 50,000 字，还可写 10 字');
  await saved(page);
});

it('says in the findings why a text over the limit is not saved, and submitting says so too', async () => {
  await box().fill('公'.repeat(50_012));
  expect(await counter().textContent()).toContain('超过上限 50,000 字（多 12 字），不能保存');
  const finding = page.locator('.nb-findings [data-rule="N-LEN"]');
  await finding.waitFor();
  expect(await finding.textContent()).toContain(
    '「一、总体情况 / （一）主动公开」有 50012 字，超过上限 50000 字（多 12 字），不能保存；请精简。',
  );
  await page.locator('[data-state="error"]').waitFor({ timeout: 20_000 });
  const submit = page.getByRole('button', { name: '提交审核' });
  expect(await submit.isDisabled()).toBe(true);
  expect(await page.locator('.bar-note').textContent()).toContain('还有 1 处错误');
  await counter().scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(OUTPUT, 'long-text.png') });
  const small = await zoomed(browser, page);
  await small.getByRole('textbox', { name: BLOCK, exact: true }).waitFor();
  await small.screenshot({ path: join(OUTPUT, 'long-text-125.png') });
  await small.context().close();
  // Shortened, it is saved again and the finding goes.
  await box().fill('公'.repeat(50_000));
  await saved(page);
  expect(await finding.count()).toBe(0);
  // The one error logged is the refused save's response (400).
  expect(consoleErrors.filter((e) => !e.includes('400 (Bad Request)'))).toEqual([]);
});
