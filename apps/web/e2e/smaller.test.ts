/**
 * Small things a walkthrough found: the top bar names the demo filler once (「天坛街道 填报人」, not
 * 「天坛街道 填报人（填报人）」), and the year picker offers the year being reported — last year's
 * until its deadline (1月31日), this year's after it.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { type Body, newBody } from './bodies.ts';
import { launch, login, newPage } from './browser.ts';
import { DEMO, OUTPUT } from './server.ts';

const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');
let browser: Browser;
let body: Body;

beforeAll(async () => {
  body = await newBody(dataDir, 'years');
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

it('the top bar says the role once when the name already says it', async () => {
  const page = await newPage(browser, baseUrl);
  await login(page, DEMO.filler);
  const user = (await page.locator('.app-user').textContent()) ?? '';
  expect(user).toContain('天坛街道 填报人');
  expect(user.split('填报人').length - 1).toBe(1);
  await page.screenshot({
    path: join(OUTPUT, 'top-bar-user.png'),
    clip: { x: 700, y: 0, width: 666, height: 60 },
  });
  await page.context().close();
});

for (const [today, expected] of [
  ['2027-01-20T10:00:00+08:00', '2026'],
  ['2027-02-03T10:00:00+08:00', '2027'],
  ['2026-11-28T10:00:00+08:00', '2026'],
] as const) {
  it(`on ${today.slice(0, 10)} the year picker starts at ${expected}`, async () => {
    const page = await newPage(browser, baseUrl);
    await page.clock.setFixedTime(new Date(today));
    await login(page, body.filler);
    await expect.poll(() => page.getByLabel('年度').inputValue()).toBe(expected);
    await page.context().close();
  });
}
