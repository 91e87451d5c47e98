/**
 * What a block pasted from a spreadsheet brings along is handled and said: the table's own header
 * rows and row-label column are recognised by their text and left out (no figure shifts a column),
 * a blank cell is a blank (not 「无法识别」), and a pasted 总计 that its parts do not give is named
 * at the cell rather than dropped in silence.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { type Body, newBody } from './bodies.ts';
import { cell, launch, login } from './browser.ts';
import { OUTPUT } from './server.ts';

const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');
const YEAR = 2022;
let browser: Browser;
let body: Body;

beforeAll(async () => {
  body = await newBody(dataDir, 'paste', [{ year: YEAR, status: 'draft' }]);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

// Row 一 of table 三 as Excel copies it with its two header rows and its label merged over three
// columns; 商业企业 left blank; the 总计 typed by hand says 99 where the parts give 6.
const BLOCK = [
  '\t\t\t申请人情况',
  '\t\t\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计',
  '一、本年新收政府信息公开申请数量\t\t\t5\t\t1\t0\t0\t0\t99',
].join('\r\n');

async function paste(page: Page, id: string, text: string) {
  const start = cell(page, id);
  await start.focus();
  await start.evaluate((el, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

for (const size of [
  { name: '1366x768', width: 1366, height: 768, scale: 1 },
  { name: '1366x768-125', width: 1093, height: 614, scale: 1.25 },
]) {
  it(`at ${size.name}: labels left out, blanks blank, a wrong 总计 said at the cell`, async () => {
    const context = await browser.newContext({
      viewport: { width: size.width, height: size.height },
      deviceScaleFactor: size.scale,
      baseURL: baseUrl,
      locale: 'zh-CN',
    });
    const page = await context.newPage();
    await login(page, body.filler);
    await page
      .getByRole('link', { name: new RegExp(String(YEAR)) })
      .first()
      .click();
    await paste(page, 't3.new_received.natural_person', BLOCK);
    expect(await cell(page, 't3.new_received.natural_person').inputValue()).toBe('5');
    expect(await cell(page, 't3.new_received.commercial').inputValue()).toBe('');
    expect(await cell(page, 't3.new_received.research').inputValue()).toBe('1');
    expect(await cell(page, 't3.new_received.other_org').inputValue()).toBe('0');
    const said = page.locator('.nb-cell-refusal');
    await said.waitFor();
    const text = (await said.textContent()) ?? '';
    expect(text).toContain('已略去表头 2 行、行标题 3 列');
    expect(text).toMatch(/「[^」]*总计」为 99，而各项相加为 6/);
    expect(text).not.toContain('无法识别');
    await page.screenshot({ path: join(OUTPUT, `paste-${size.name}.png`) });
    await context.close();
  });
}
