/**
 * Carry-over provenance (issue 18, 6): the form says which version of last year's report the
 * carried-over figures come from and when that report is still a draft; a figure changed from it
 * takes a reason, kept with the report and read by the reviewer, and put into 六 as a sentence of the
 * published report when the filler asks.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { cell, consoleErrors, launch, login, newPage, saved } from './browser.ts';
import { type Body, ownBody, zoomed } from './ownBody.ts';
import { DEMO, OUTPUT } from './server.ts';

const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');
const NOTE = '2021 年度报告结转数有误，经核对台账实为 3 件。';
let browser: Browser;
let page: Page;
let body: Body;
let url = '';

beforeAll(async () => {
  body = await ownBody(dataDir, 'carry', '示范区结转街道办事处');
  browser = await launch();
  page = await newPage(browser, baseUrl);
  await login(page, body.filler);
});
afterAll(async () => {
  await browser?.close();
});

async function create(year: number) {
  await page.goto('/');
  await page.getByLabel('年度').selectOption(String(year));
  await page.getByRole('button', { name: `新建 ${year} 年度报告` }).click();
  await cell(page, 't3.new_received.natural_person').waitFor();
}

const source = () => page.locator('.nb-carry-source');
const note = () => page.getByLabel('结转数与上年报告不一致的说明（审核人可见）');

it('says where the carried-over figures come from, and that last year is still a draft', async () => {
  await create(2021);
  expect(await source().textContent()).toBe('没有2020年度报告：上年结转数和上年现行有效件数请按实际填写。');
  await cell(page, 't3.new_received.natural_person').fill('5');
  await cell(page, 't3.carried_forward.natural_person').fill('5');
  await saved(page);
  await create(2022);
  url = page.url();
  expect(await cell(page, 't3.carried_over.natural_person').inputValue()).toBe('5');
  expect(await source().textContent()).toMatch(
    /^上年结转数和上年现行有效件数取自2021年度报告的第 \d+ 版（草稿）：该报告尚未审核通过，数字可能还会变。$/,
  );
  expect(await page.locator('.nb-carry').getAttribute('data-carry')).toBe('draft');
  expect(await note().count()).toBe(0);
});

it('takes a reason for a carried-over figure changed from last year, kept after a reload', async () => {
  await cell(page, 't3.carried_over.natural_person').fill('3');
  await cell(page, 't3.carried_forward.natural_person').fill('3');
  await page.locator('.nb-findings [data-rule="X-CARRY"]').first().waitFor();
  await note().fill(NOTE);
  await saved(page);
  await page.reload();
  await note().waitFor();
  expect(await note().inputValue()).toBe(NOTE);
  await page.locator('.nb-carry').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(OUTPUT, 'carry-over.png') });
  const small = await zoomed(browser, page);
  await small.locator('.nb-carry').waitFor();
  await small.screenshot({ path: join(OUTPUT, 'carry-over-125.png') });
  await small.context().close();
});

it('puts the reason into 六 when asked, once, and the report prints it', async () => {
  const block = '六、其他需要报告的事项 / （五）其他报告事项';
  const other = page.locator('[id="nb-text-s6.other-zh"]');
  const sentence = (reason: string) => `本报告所列上年结转数与2021年度报告所列数字不一致，原因是：${reason}`;
  expect(await other.inputValue()).toBe('');
  await page.getByRole('button', { name: `把说明写入报告「${block}」` }).click();
  await expect.poll(() => other.inputValue()).toBe(sentence(NOTE));
  await page.locator('.nb-carry-in-report').waitFor();
  expect(await page.locator('.nb-carry-in-report').textContent()).toBe(
    `报告「${block}」中已有此说明，将随报告公开。`,
  );
  // A changed note offers to update the sentence, which replaces the one written before.
  const changed = '2021 年度报告结转数有误，经核对台账实为 3 件（另 2 件已于 2021 年底办结）。';
  await note().fill(changed);
  await page.getByRole('button', { name: `更新报告「${block}」中的说明` }).click();
  await expect.poll(() => other.inputValue()).toBe(sentence(changed));
  await note().fill(NOTE);
  await page.getByRole('button', { name: `更新报告「${block}」中的说明` }).click();
  await expect.poll(() => other.inputValue()).toBe(sentence(NOTE));
  await saved(page);
  await page.locator('.nb-carry').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(OUTPUT, 'carry-in-report.png') });
  const small = await zoomed(browser, page);
  await small.locator('.nb-carry-in-report').waitFor();
  await small.locator('.nb-carry').scrollIntoViewIfNeeded();
  await small.screenshot({ path: join(OUTPUT, 'carry-in-report-125.png') });
  await small.context().close();
  const id = /#\/reports\/(\d+)/.exec(page.url())![1];
  // The printed text drops the spaces typed between Chinese and digits: compare without spaces.
  const squeeze = (s: string) => s.replace(/\s+/g, '');
  const html = squeeze(
    (await (await page.request.get(`/reports/${id}.html?lang=zh`)).text()).replace(/<[^>]+>/g, ''),
  );
  const at = ['六、其他需要报告的事项', '（五）其他报告事项', squeeze(sentence(NOTE))].map((p) =>
    html.indexOf(p),
  );
  expect(at, html.slice(html.indexOf('六、'))).not.toContain(-1);
  expect(at).toEqual([...at].sort((a, b) => a - b));
});

it('shows the reviewer the reason', async () => {
  await page.getByRole('button', { name: '退出' }).click();
  await login(page, DEMO.reviewer);
  await page.goto(url);
  await note().waitFor();
  expect(await note().inputValue()).toBe(NOTE);
  expect(await note().getAttribute('readonly')).not.toBeNull();
  expect(consoleErrors).toEqual([]);
});
