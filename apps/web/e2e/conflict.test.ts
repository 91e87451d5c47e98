/** Two pages editing the same report: the later save meets the conflict screen and merges. */
import { join } from 'node:path';
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

it('shows their values beside mine, cell by cell, and saves the merge', async () => {
  const a = await newPage(browser, baseUrl);
  const b = await newPage(browser, baseUrl);
  await login(a, DEMO.filler);
  await login(b, DEMO.filler);
  // The demo's 2021 draft.
  await a.getByRole('link', { name: /2021年政府信息公开工作年度报告/ }).click();
  await cell(a, 't4.review.maintained').waitFor();
  await b.goto(a.url());
  await cell(b, 't4.review.maintained').waitFor();

  await cell(a, 't4.review.maintained').fill('3');
  await cell(a, 't4.review.corrected').fill('1');
  await saved(a);
  await cell(b, 't4.review.maintained').fill('5');
  await b.getByRole('heading', { name: '报告已被他人修改' }).waitFor({ timeout: 20_000 });
  const row = b.locator('[data-key="cell:t4.review.maintained"]');
  expect(await row.locator('td').allTextContents()).toEqual(['3', '5']);
  expect(await b.locator('[data-key="cell:t4.review.corrected"] td').allTextContents()).toEqual(['1', '0']);
  await b.screenshot({ path: join(OUTPUT, 'conflict.png') });

  // Keep my 5 and their 1.
  await b.locator('[data-key="cell:t4.review.corrected"]').getByRole('radio').first().check();
  await b.getByRole('button', { name: '按所选合并并保存' }).click();
  await saved(b);
  expect(await cell(b, 't4.review.maintained').inputValue()).toBe('5');
  expect(await cell(b, 't4.review.corrected').inputValue()).toBe('1');
  expect(await cell(b, 't4.review.total').textContent()).toBe('6');

  await a.reload();
  await cell(a, 't4.review.maintained').waitFor();
  expect(await cell(a, 't4.review.maintained').inputValue()).toBe('5');
  expect(await cell(a, 't4.review.corrected').inputValue()).toBe('1');
});

it('keeps work in the browser while offline and sends it when back', async () => {
  const page = await newPage(browser, baseUrl);
  await login(page, DEMO.filler);
  await page.getByRole('link', { name: /2021年政府信息公开工作年度报告/ }).click();
  await cell(page, 't4.review.other').waitFor();
  await page.context().setOffline(true);
  await cell(page, 't4.review.other').fill('2');
  await page.locator('[data-state="offline"]').waitFor({ timeout: 20_000 });
  const kept = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('nianbao.pending.')),
  );
  expect(kept.length).toBe(1);
  await page.screenshot({ path: join(OUTPUT, 'offline.png') });
  await page.context().setOffline(false);
  await saved(page);
  await page.reload();
  await cell(page, 't4.review.other').waitFor();
  expect(await cell(page, 't4.review.other').inputValue()).toBe('2');
});

it('keeps work when the session has ended, and sends it after signing in again', async () => {
  const page = await newPage(browser, baseUrl);
  await login(page, DEMO.filler);
  await page.getByRole('link', { name: /2021年政府信息公开工作年度报告/ }).click();
  const url = page.url();
  await cell(page, 't4.litigation_after_review.other').waitFor();
  await page.context().clearCookies();
  await cell(page, 't4.litigation_after_review.other').fill('6');
  await page.getByLabel('用户名').waitFor({ timeout: 20_000 });
  await login(page, DEMO.filler);
  await page.goto(url);
  await cell(page, 't4.litigation_after_review.other').waitFor();
  await saved(page);
  await page.reload();
  await cell(page, 't4.litigation_after_review.other').waitFor();
  expect(await cell(page, 't4.litigation_after_review.other').inputValue()).toBe('6');
});
