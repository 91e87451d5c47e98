/**
 * 机关信息 (issue 18 item 7's record): an administrator edits a body's contact details on their own
 * screen, a refused field is named beside it, the body's own reviewer may edit them too and its filler
 * only reads them; the filler's report then prints them in the opening statement of its HTML and PDF.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createUser, openDatabase } from '@nianbao/db';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { consoleErrors, createReport, launch, login, newPage, saved } from './browser.ts';
import { type Body, ownBody, zoomed } from './ownBody.ts';
import { OUTPUT } from './server.ts';

const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');
const ADMIN = { login: 'admin', password: 'admin-demo' };
const REVIEWER = { login: 'e2e-contact-reviewer', password: 'e2e-contact-reviewer-password' };
const NAME = '示范区联系街道办事处';
const CONTACT = {
  address: '济源市联系路18号',
  postcode: '459000',
  phone: '0391-6600000',
  email: 'lx@example.gov.cn',
};
const SENTENCE = `如对本报告有疑问，请与${NAME}联系（地址：${CONTACT.address}；邮编：${CONTACT.postcode}；电话：${CONTACT.phone}；邮箱：${CONTACT.email}）。`;

let browser: Browser;
let body: Body;

beforeAll(async () => {
  body = await ownBody(dataDir, 'contact', NAME);
  const db = await openDatabase({ file: join(dataDir, 'nianbao.sqlite') });
  try {
    await createUser(db, {
      ...REVIEWER,
      displayName: '联系 审核人',
      role: 'reviewer',
      organisationId: body.orgId,
    });
  } finally {
    await db.destroy();
  }
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

async function openPage(page: Page) {
  await page.getByRole('link', { name: '机关信息' }).click();
  await page.getByRole('heading', { level: 1, name: '机关信息' }).waitFor();
}

it('lets an administrator edit a body’s contact details, naming a refused field beside it', async () => {
  const page = await newPage(browser, baseUrl);
  await login(page, ADMIN);
  await openPage(page);
  await page.getByLabel('机关', { exact: true }).selectOption({ label: NAME });
  await page.getByRole('heading', { level: 2, name: NAME }).waitFor();
  await field(page, '通信地址').fill(CONTACT.address);
  await field(page, '邮政编码').fill('45900');
  await field(page, '联系电话').fill(CONTACT.phone);
  await field(page, '电子邮箱').fill(CONTACT.email);
  await page.getByRole('button', { name: '保存联系信息' }).click();
  const postcode = field(page, '邮政编码');
  await expect.poll(() => postcode.getAttribute('aria-invalid')).toBe('true');
  // The browser logs the refusal it was meant to get; nothing else may be logged.
  expect(consoleErrors.splice(0)).toEqual([
    expect.stringContaining('the server responded with a status of 400'),
  ]);
  const describedBy = (await postcode.getAttribute('aria-describedby'))!;
  expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe(
    '邮政编码（postcode）须为 6 位数字，如 100017',
  );
  await page.screenshot({ path: join(OUTPUT, 'contact-refused-1366.png') });
  // Full-width digits are what a Chinese IME types: kept as digits.
  await postcode.fill('４５９０００');
  await page.getByRole('button', { name: '保存联系信息' }).click();
  await page.getByRole('status').filter({ hasText: '已保存' }).waitFor();
  await expect.poll(() => postcode.inputValue()).toBe(CONTACT.postcode);
  expect(await postcode.getAttribute('aria-invalid')).toBeNull();
  expect(await page.getByTestId('opening-preview').textContent()).toContain(SENTENCE);
  await page.screenshot({ path: join(OUTPUT, 'contact-1366.png'), fullPage: true });
  const at125 = await zoomed(browser, page);
  await field(at125, '电子邮箱').waitFor();
  expect(await field(at125, '电子邮箱').inputValue()).toBe(CONTACT.email);
  await at125.screenshot({ path: join(OUTPUT, 'contact-125.png'), fullPage: true });
  await at125.context().close();
  await page.context().close();
});

it('lets the body’s own reviewer edit them and its filler only read them', async () => {
  const reviewer = await newPage(browser, baseUrl);
  await login(reviewer, REVIEWER);
  await openPage(reviewer);
  await reviewer.getByRole('heading', { level: 2, name: NAME }).waitFor();
  // Their own body only: nothing to choose from.
  expect(await reviewer.getByLabel('机关', { exact: true }).count()).toBe(0);
  await field(reviewer, '联系电话').fill('0391-6600000、0391-6600001');
  await reviewer.getByRole('button', { name: '保存联系信息' }).click();
  await reviewer.getByRole('status').filter({ hasText: '已保存' }).waitFor();
  await field(reviewer, '联系电话').fill(CONTACT.phone);
  await reviewer.getByRole('button', { name: '保存联系信息' }).click();
  await reviewer.getByRole('status').filter({ hasText: '已保存' }).waitFor();
  await reviewer.context().close();

  const filler = await newPage(browser, baseUrl);
  await login(filler, body.filler);
  await openPage(filler);
  await filler.getByRole('heading', { level: 2, name: NAME }).waitFor();
  expect(await field(filler, '通信地址').inputValue()).toBe(CONTACT.address);
  expect(await field(filler, '通信地址').getAttribute('readonly')).not.toBeNull();
  expect(await filler.getByRole('button', { name: '保存联系信息' }).count()).toBe(0);
  expect(await filler.locator('.banner-info').textContent()).toBe(
    '只有本机关的审核人或管理员可以修改联系信息。',
  );
  await filler.screenshot({ path: join(OUTPUT, 'contact-filler-1366.png') });
  await filler.context().close();
});

it('prints them in the opening statement of the filler’s report, in its HTML and its PDF', async () => {
  const page = await newPage(browser, baseUrl);
  await login(page, body.filler);
  await createReport(page, 2021);
  const opening = page.getByLabel('编制说明', { exact: true });
  await opening.waitFor();
  await opening.scrollIntoViewIfNeeded();
  await page.getByRole('button', { name: '按机关信息生成' }).click();
  await expect.poll(() => opening.inputValue()).toContain(SENTENCE);
  await saved(page);
  const id = /#\/reports\/(\d+)/.exec(page.url())![1];
  const html = await (await page.request.get(`/reports/${id}.html?lang=zh`)).text();
  expect(html.replace(/<[^>]+>/g, '')).toContain(SENTENCE);
  const pdf = await page.request.get(`/reports/${id}.pdf?lang=zh`);
  expect(pdf.status()).toBe(200);
  const file = join(OUTPUT, 'contact-report.pdf');
  writeFileSync(file, await pdf.body());
  // The PDF wraps lines anywhere: compare without the line breaks.
  const text = execFileSync('pdftotext', ['-l', '1', file, '-']).toString().replace(/\s+/g, '');
  expect(text).toContain(SENTENCE);
  expect(consoleErrors).toEqual([]);
  await page.context().close();
});
