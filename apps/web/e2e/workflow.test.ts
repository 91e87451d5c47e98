/**
 * Workflow feedback (issue 18, 12): submit and approve ask for a confirmation and then say plainly
 * that they worked; 重新打开 asks for a reason, which the filler then sees as a banner, like 退回.
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
import { type Body, ownBody, zoomed } from './ownBody.ts';
import { DEMO, OUTPUT } from './server.ts';

const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');
const YEAR = 2022;
const REASON = '表四的行政复议数字与台账不符，请核对后再提交。';
let browser: Browser;
let page: Page;
let body: Body;
let url = '';

beforeAll(async () => {
  body = await ownBody(dataDir, 'workflow', '示范区流程街道办事处');
  browser = await launch();
  page = await newPage(browser, baseUrl);
});
afterAll(async () => {
  await browser?.close();
});

/** Both screen sizes of what the page shows now. */
async function shoot(name: string, prepare?: (p: Page) => Promise<void>) {
  await page.screenshot({ path: join(OUTPUT, `${name}.png`) });
  const small = await zoomed(browser, page);
  await prepare?.(small);
  await small.screenshot({ path: join(OUTPUT, `${name}-125.png`) });
  await small.context().close();
}

it('asks before submitting and then says it is submitted', async () => {
  await login(page, body.filler);
  await createReport(page, YEAR);
  await cell(page, 't4.review.maintained').waitFor();
  url = page.url();
  await fillRequiredTexts(page);
  await cell(page, 't4.review.maintained').fill('2');
  await saved(page);
  await page.getByRole('button', { name: '提交审核' }).click();
  const dialog = page.getByRole('dialog', { name: '提交审核' });
  await dialog.getByText('提交后报告不能再修改').waitFor();
  await shoot('submit-confirm', async (p) => {
    await p.getByRole('button', { name: '提交审核' }).click();
    await p.getByRole('dialog').waitFor();
  });
  // Cancelling changes nothing.
  await dialog.getByRole('button', { name: '取消' }).click();
  expect(await page.locator('.editor-title .status-draft').count()).toBe(1);
  await page.getByRole('button', { name: '提交审核' }).click();
  await page.getByRole('button', { name: '确认提交' }).click();
  await page.locator('.editor-title .status-submitted').waitFor();
  await page.getByRole('status').filter({ hasText: '已提交审核' }).waitFor();
  await shoot('submitted');
});

it('asks the reviewer before approving, says it is approved, and asks a reason to reopen', async () => {
  await page.getByRole('button', { name: '退出' }).click();
  await login(page, DEMO.reviewer);
  await page.goto(url);
  await page.getByRole('button', { name: '审核通过' }).click();
  await page.getByRole('dialog', { name: '审核通过' }).getByText('审核通过后，报告可下载发布').waitFor();
  await page.getByRole('button', { name: '确认通过' }).click();
  await page.locator('.editor-title .status-approved').waitFor();
  await page.getByRole('status').filter({ hasText: '已审核通过' }).waitFor();

  await page.getByRole('button', { name: '重新打开' }).click();
  const confirm = page.getByRole('button', { name: '确认重新打开' });
  expect(await confirm.isDisabled()).toBe(true);
  await page.getByLabel('重新打开的理由（填报人将看到）').fill(REASON);
  await shoot('reopen-reason', async (p) => {
    await p.getByRole('button', { name: '重新打开' }).click();
    await p.getByLabel('重新打开的理由（填报人将看到）').fill(REASON);
  });
  await confirm.click();
  await page.locator('.editor-title .status-draft').waitFor();
  await page.getByRole('status').filter({ hasText: '已重新打开为草稿' }).waitFor();
});

it('shows the filler the reason for reopening as a banner', async () => {
  await page.getByRole('button', { name: '退出' }).click();
  await login(page, body.filler);
  await page.goto(url);
  const banner = page.getByRole('note').filter({ hasText: REASON });
  await banner.waitFor();
  expect(await banner.textContent()).toMatch(/示范区 审核人于 .+ 重新打开：/);
  await shoot('reopened-banner');
  expect(consoleErrors).toEqual([]);
});
