/**
 * A workflow step while the server has not answered, and after it refused (issue 13: one mutation per
 * action): the step's dialog stays open with its own pending state and then the server's reason, in
 * the user's language, and the step can be cancelled or tried again. The submitter's 撤回 needs no
 * reason (the `canWithdraw` the server gives), and fails once a reviewer has approved meanwhile.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { axeViolations } from './axe.ts';
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
import { type Body, ownBody } from './ownBody.ts';
import { DEMO, OUTPUT } from './server.ts';

const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');
const YEAR = 2022;
let browser: Browser;
let page: Page;
let body: Body;

beforeAll(async () => {
  body = await ownBody(dataDir, 'steps', '示范区步骤街道办事处');
  browser = await launch();
  page = await newPage(browser, baseUrl);
});
afterAll(async () => {
  await browser?.close();
});

const submitDialog = () => page.getByRole('dialog', { name: '提交审核' });

it('keeps the submit dialog open, and inert, until the server has answered', async () => {
  await login(page, body.filler);
  await createReport(page, YEAR);
  await cell(page, 't4.review.maintained').waitFor();
  await fillRequiredTexts(page);
  await cell(page, 't4.review.maintained').fill('3');
  await saved(page);

  // The submission waits at the network until the test lets it through.
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/trpc/reports.submit**', async (route) => {
    await held;
    await route.continue();
  });
  await page.getByRole('button', { name: '提交审核' }).click();
  await submitDialog().getByRole('button', { name: '确认提交' }).click();
  const working = submitDialog().getByRole('button', { name: '正在处理…' });
  await working.waitFor();
  expect(await working.getAttribute('aria-busy')).toBe('true');
  // Neither 取消 (aria-disabled, so pressed by force) nor Esc closes it while the step is under way.
  await submitDialog().getByRole('button', { name: '取消' }).click({ force: true });
  await page.keyboard.press('Escape');
  expect(await submitDialog().count()).toBe(1);
  expect(await page.locator('.editor-bar button:disabled').count()).toBeGreaterThan(0);
  await page.screenshot({ path: join(OUTPUT, 'step-pending.png') });

  release();
  await page.locator('.editor-title .status-submitted').waitFor();
  await page.getByRole('status').filter({ hasText: '已提交审核' }).waitFor();
  expect(await submitDialog().count()).toBe(0);
  await page.unroute('**/trpc/reports.submit**');
});

it('lets the submitter withdraw without a reason', async () => {
  await page.getByRole('button', { name: '撤回' }).click();
  const dialog = page.getByRole('dialog', { name: '撤回' });
  expect(await dialog.locator('textarea').count()).toBe(0);
  await dialog.getByRole('button', { name: '撤回' }).click();
  await page.locator('.editor-title .status-draft').waitFor();
  await page.getByRole('status').filter({ hasText: '已撤回为草稿' }).waitFor();
});

it('shows in the dialog, in English, why the server refused, and cancels cleanly', async () => {
  await page.getByRole('button', { name: '提交审核' }).click();
  await submitDialog().getByRole('button', { name: '确认提交' }).click();
  await page.locator('.editor-title .status-submitted').waitFor();
  const url = page.url();

  // Meanwhile a reviewer approves it, in a browser of their own.
  const reviewer = await newPage(browser, baseUrl);
  await login(reviewer, DEMO.reviewer);
  await reviewer.goto(url);
  await reviewer.getByRole('button', { name: '审核通过' }).click();
  await reviewer.getByRole('button', { name: '确认通过' }).click();
  await reviewer.locator('.editor-title .status-approved').waitFor();
  await reviewer.context().close();

  // The filler's page still shows the report as submitted, with 撤回.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Withdraw' }).click();
  const dialog = page.getByRole('dialog', { name: 'Withdraw' });
  await dialog.getByRole('button', { name: 'Withdraw' }).click();
  const refusal = dialog.getByRole('alert');
  await refusal.waitFor();
  expect(await refusal.textContent()).toBe(
    'Only a reviewer may reopen a report; the submitter may withdraw one not yet approved',
  );
  // Tried again, it is refused again (not stuck pending); then cancelled, the refusal goes with it.
  await dialog.getByRole('button', { name: 'Withdraw' }).click();
  await refusal.waitFor();
  await page.screenshot({ path: join(OUTPUT, 'step-refused.png') });
  expect(await axeViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect.poll(() => dialog.count()).toBe(0);
  await page.getByRole('button', { name: 'Withdraw' }).click();
  expect(await dialog.getByRole('alert').count()).toBe(0);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: '中文' }).click();
  // The browser logs the two refusals it was meant to get; nothing else may be logged.
  const refused = expect.stringContaining('the server responded with a status of 403');
  expect(consoleErrors.splice(0)).toEqual([refused, refused]);
});
