/**
 * Small things a walkthrough found, in Chromium: the first Tab offers a skip link to the page's
 * content; Esc closes a drawer and gives the focus back to its button; English counts agree in
 * number and English text has no full-width brackets.
 */

import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { cell, consoleErrors, launch, login, newPage } from './browser.ts';
import { DEMO, OUTPUT } from './server.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  page = await newPage(browser, baseUrl);
  await login(page, DEMO.filler);
});
afterAll(async () => {
  await browser?.close();
});

it('the first Tab reaches a skip link that moves the focus to the content', async () => {
  await page.reload();
  await page.getByRole('heading', { name: '年度报告' }).waitFor();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('button', { name: '跳到正文' });
  await expect.poll(() => skip.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
  expect(new URL(page.url()).hash).not.toContain('main');
});

it('Esc closes the history drawer and gives the focus back to its button', async () => {
  await page.getByRole('link', { name: /2021/ }).first().click();
  const button = page.getByRole('button', { name: '修订记录' });
  await button.click();
  const drawer = page.locator('aside.drawer');
  await drawer.waitFor();
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'detached' });
  await expect.poll(() => button.evaluate((el) => el === document.activeElement)).toBe(true);
});

it('full-width digits typed with an IME go in; anything else is refused with the reason at the cell', async () => {
  const input = cell(page, 't3.new_received.research');
  await input.click();
  await page.keyboard.insertText('１２');
  await expect.poll(() => input.inputValue()).toBe('12');
  await page.keyboard.insertText('个');
  const refusal = page.locator('.nb-cell-refusal');
  await refusal.waitFor();
  expect(await refusal.textContent()).toContain('「个」不能填入');
  expect(await input.inputValue()).toBe('12');
  const [box, inputBox] = [await refusal.boundingBox(), await input.boundingBox()];
  expect(Math.abs(box!.y - (inputBox!.y + inputBox!.height))).toBeLessThan(4);
  await page.screenshot({
    path: join(OUTPUT, 'cell-refusal.png'),
    clip: { x: 0, y: Math.max(0, box!.y - 200), width: 1366, height: 320 },
  });
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
});

it('English: counts agree in number, the year picker has no full-width brackets', async () => {
  await page.goto('/#/');
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'Annual reports' }).waitFor();
  const tags = (await page.locator('.tag-error, .tag-warning').allTextContents()).filter((t) =>
    /error|warning/.test(t),
  );
  expect(tags.length).toBeGreaterThan(0);
  for (const tag of tags) {
    const m = /^(\d+) (error|errors|warning|warnings)$/.exec(tag);
    expect(m, tag).not.toBeNull();
    expect(m![2]!.endsWith('s'), tag).toBe(m![1] !== '1');
  }
  const options = await page.locator('select option').allTextContents();
  expect(options.length).toBeGreaterThan(0);
  for (const option of options) expect(option).not.toMatch(/[（）]/);
  await page.getByRole('button', { name: '中文' }).click();
  expect(consoleErrors).toEqual([]);
});
