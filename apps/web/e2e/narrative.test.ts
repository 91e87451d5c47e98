/**
 * The narrative checked against the tables while it is typed (X-TEXT), and the standard sentences
 * drafted from the tables: inserted, marked stale when a cell changes, updated.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { cell, createReport, launch, login, newPage } from './browser.ts';
import { DEMO, OUTPUT } from './server.ts';

const baseUrl = inject('baseUrl');
// Years 2020–2023 belong to the other end-to-end tests.
const YEAR = 2024;
const BLOCK = '一、总体情况 （二）依申请公开';
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  page = await newPage(browser, baseUrl);
  await login(page, DEMO.filler);
  await createReport(page, YEAR);
  await cell(page, 't3.new_received.natural_person').waitFor();
});
afterAll(async () => {
  await browser?.close();
});

const text = () => page.getByRole('textbox', { name: BLOCK, exact: true });
const block = () => page.locator('.nb-narrative', { has: text() });
const selection = () =>
  text().evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd));

it('shows a wrong figure typed into 一、总体情况 in the panel and at the text; a click selects the sentence', async () => {
  await cell(page, 't3.new_received.natural_person').fill('12');
  await text().fill('本年度工作有序开展。本年度新收政府信息公开申请15件，均已按时答复。');
  const finding = page.locator('.nb-findings [data-rule="X-TEXT"]');
  await finding.waitFor();
  expect(await finding.textContent()).toContain('「一、本年新收政府信息公开申请数量 / 总计」为 12');
  const mark = block().locator('.nb-text-mark');
  expect(await mark.locator('mark').textContent()).toBe('15件');
  await page.screenshot({ path: join(OUTPUT, 'narrative-x-text.png') });

  await finding.locator('.nb-finding-go').click();
  expect(await text().evaluate((el) => el === document.activeElement)).toBe(true);
  expect(await selection()).toBe('本年度新收政府信息公开申请15件，均已按时答复。');
  await text().evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(0, 0));
  await mark.getByRole('button').click();
  expect(await selection()).toBe('本年度新收政府信息公开申请15件，均已按时答复。');
});

it('「按表格生成」 inserts the standard paragraph at the cursor, every figure from the tables', async () => {
  await text().fill('前言。');
  await text().evaluate((el: HTMLTextAreaElement) => {
    el.focus();
    el.setSelectionRange(3, 3);
  });
  await block().getByRole('button', { name: '按表格生成' }).click();
  const value = await text().inputValue();
  expect(value.startsWith('前言。本年新收政府信息公开申请12件，上年结转政府信息公开申请')).toBe(true);
  expect(value).toContain('其中予以公开0件');
  expect(await page.locator('.nb-findings [data-rule="X-TEXT"]').count()).toBe(0);
});

it('marks the drafted passage stale when a table cell changes, and 「更新」 fixes it', async () => {
  await cell(page, 't3.granted.natural_person').fill('5');
  const stale = block().locator('.nb-draft-note');
  await stale.waitFor();
  expect(await stale.textContent()).toContain('已过时');
  // The stale figures are also disagreements with the tables: 予以公开0件 and 办结0件 (now 5).
  expect(await page.locator('.nb-findings [data-rule="X-TEXT"]').count()).toBe(2);
  await block().scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(OUTPUT, 'narrative-draft-stale.png') });

  await block().getByRole('button', { name: '更新' }).click();
  const value = await text().inputValue();
  expect(value.startsWith('前言。本年新收政府信息公开申请12件')).toBe(true);
  expect(value).toContain('其中予以公开5件');
  expect(value.match(/本年新收/g)).toHaveLength(1);
  expect(await stale.count()).toBe(0);
  expect(await page.locator('.nb-findings [data-rule="X-TEXT"]').count()).toBe(0);
  await page.screenshot({ path: join(OUTPUT, 'narrative-draft-updated.png') });
});
