/**
 * axe-core (every default rule) finds nothing on each page a staff member meets: login, the list,
 * the editor of a draft (with findings marked) and of an approved report, the history drawer, the
 * PDF panel, 汇总 and 机关信息.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { type Body, newBody } from './bodies.ts';
import { cell, launch, login, newPage } from './browser.ts';

const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');
let browser: Browser;
let page: Page;
let body: Body;

beforeAll(async () => {
  body = await newBody(dataDir, 'axe', [
    { year: 2021, status: 'approved' },
    { year: 2022, status: 'draft' },
  ]);
  browser = await launch();
  page = await newPage(browser, baseUrl);
});
afterAll(async () => {
  await browser?.close();
});

const violations = () => axeViolations(page);

it('login', async () => {
  await page.goto('/');
  await page.getByLabel('用户名').waitFor();
  expect(await violations()).toEqual([]);
});

it('report list', async () => {
  await login(page, body.filler);
  await page.getByRole('link', { name: /2021/ }).waitFor();
  expect(await violations()).toEqual([]);
});

it('editor of a draft, with findings marked at the cells', async () => {
  await page.getByRole('link', { name: /2022/ }).first().click();
  await cell(page, 't3.new_received.natural_person').fill('9999');
  await page.locator('.nb-finding-error').first().waitFor();
  expect(await violations()).toEqual([]);
});

it('an error marks aria-invalid on the figure typed, not only on the cell a fix would write', async () => {
  // 9999 new requests unbalance the natural-person column: the typed figure may be the wrong one.
  await expect
    .poll(() => cell(page, 't3.new_received.natural_person').getAttribute('aria-invalid'))
    .toBe('true');
  expect(await cell(page, 't3.new_received.research').getAttribute('aria-invalid')).toBeNull();
  // Totals are not read out at every keystroke.
  expect(await cell(page, 't3.new_received.total').getAttribute('aria-live')).toBe('off');
});

it('history drawer', async () => {
  await page.getByRole('button', { name: '修订记录' }).click();
  await page.locator('.history li').first().waitFor();
  expect(await violations()).toEqual([]);
});

it('PDF panel', async () => {
  await page.getByRole('button', { name: 'PDF / HTML' }).click();
  await page.locator('.pdf-panel').waitFor();
  expect(await violations()).toEqual([]);
});

it('editor of an approved report', async () => {
  await page.goto('/');
  await page.getByRole('link', { name: /2021/ }).first().click();
  await page.locator('.nb-toc').waitFor();
  expect(await violations()).toEqual([]);
});

it('汇总', async () => {
  await page.getByRole('button', { name: '退出' }).click();
  await login(page, body.reviewer);
  await page.getByRole('link', { name: '汇总' }).click();
  await page.getByLabel('年度').selectOption('2021');
  await page.getByTestId('included').locator('li').first().waitFor();
  expect(await violations()).toEqual([]);
});

it('机关信息, as its keeper sees it and after a refused field', async () => {
  await page.getByRole('link', { name: '机关信息' }).click();
  await page.getByLabel('机关', { exact: true }).selectOption({ label: 'axe上级机关' });
  await page.getByRole('heading', { level: 2, name: 'axe上级机关' }).waitFor();
  await page.getByLabel('邮政编码', { exact: true }).fill('123');
  await page.getByRole('button', { name: '保存联系信息' }).click();
  await page.locator('.contact-field .form-error').waitFor();
  expect(await violations()).toEqual([]);
});
