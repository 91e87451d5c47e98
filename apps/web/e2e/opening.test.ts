/**
 * The opening statement and the lead paragraph (issue 18 item 7): an administrator keeps the body's
 * address, postcode, phone and e-mail on its record; the filler finds 「编制说明」 above 一 and
 * 「导语」 under 一's heading, drafts the opening from the record with one click, writes a lead, and
 * the report's HTML prints both where published reports do (between the title and 一; before （一）).
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { consoleErrors, launch, login, newPage, saved } from './browser.ts';
import { DEMO, OUTPUT } from './server.ts';

const baseUrl = inject('baseUrl');
const ADMIN = { login: 'admin', password: 'admin-demo' };
const CONTACT = {
  address: '济源市天坛路88号',
  postcode: '459000',
  phone: '0391-6633333',
  email: 'tt@example.gov.cn',
};
const LEAD = '2021年，天坛街道办事处坚持以公开为常态、不公开为例外，扎实推进政务公开工作。';

let browser: Browser;
let page: Page;

async function call(on: Page, kind: 'query' | 'mutation', path: string, input: unknown) {
  const response =
    kind === 'query'
      ? await on.request.get(
          `/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`,
        )
      : await on.request.post(`/trpc/${path}`, { data: input });
  const body = (await response.json()) as { result?: { data: unknown }; error?: unknown };
  if (!body.result) throw new Error(`${path}: ${JSON.stringify(body.error)}`);
  return body.result.data as Record<string, unknown>;
}

beforeAll(async () => {
  browser = await launch();
  page = await newPage(browser, baseUrl);
  await login(page, DEMO.filler);
  const me = (await call(page, 'query', 'auth.me', undefined)) as { organisation: { id: number } };
  const admin = await newPage(browser, baseUrl);
  await login(admin, ADMIN);
  await call(admin, 'mutation', 'orgs.update', { id: me.organisation.id, ...CONTACT });
  await admin.context().close();
  await page.getByRole('link', { name: /2021/ }).first().click();
  await page.locator('.nb-toc').waitFor();
});
afterAll(async () => {
  await browser?.close();
});

it('offers 编制说明 above 一 and 导语 under it, both optional', async () => {
  const headings = await page.locator('.nb-form-main h2, .nb-form-main h3').allTextContents();
  const opening = headings.findIndex((h) => h.startsWith('编制说明'));
  const s1 = headings.findIndex((h) => h.startsWith('一、总体情况'));
  const lead = headings.findIndex((h) => h.startsWith('导语'));
  const first = headings.findIndex((h) => h.startsWith('（一）主动公开'));
  expect(opening).toBeGreaterThanOrEqual(0);
  expect([opening < s1, s1 < lead, lead < first]).toEqual([true, true, true]);
  expect(headings[opening]).toContain('选填');
  // Neither is required: the empty blocks are not marked as errors.
  await expect
    .poll(() => page.getByLabel('编制说明', { exact: true }).getAttribute('aria-invalid'))
    .toBeNull();
});

it('drafts the opening from the record in one click, and prints it and the lead in the report', async () => {
  const opening = page.getByLabel('编制说明', { exact: true });
  await opening.scrollIntoViewIfNeeded();
  await page.getByRole('button', { name: '按机关信息生成' }).click();
  await expect
    .poll(() => opening.inputValue())
    .toContain('本报告由天坛街道办事处根据《中华人民共和国政府信息公开条例》');
  const text = await opening.inputValue();
  expect(text).toContain(
    `如对本报告有疑问，请与天坛街道办事处联系（地址：${CONTACT.address}；邮编：${CONTACT.postcode}；电话：${CONTACT.phone}；邮箱：${CONTACT.email}）。`,
  );
  expect(text).toContain('统计期限自2021年1月1日起至2021年12月31日止');
  await page.getByLabel('一、总体情况 导语', { exact: true }).fill(LEAD);
  await saved(page);
  await page.screenshot({ path: join(OUTPUT, 'opening-1366.png') });

  const id = /#\/reports\/(\d+)/.exec(page.url())![1];
  const html = await (await page.request.get(`/reports/${id}.html?lang=zh`)).text();
  const plain = html.replace(/<[^>]+>/g, '');
  // The draft's 一 has no sub-part written yet, so the lead is followed by 二.
  const at = [text.slice(0, 20), '一、总体情况', LEAD, '二、主动公开政府信息情况'].map((p) =>
    plain.indexOf(p),
  );
  expect(at.every((p) => p > 0)).toBe(true);
  expect(at).toEqual([...at].sort((a, b) => a - b));
  expect(consoleErrors).toEqual([]);
});

it('says which contact details the record lacks, and keeps the blocks usable at 125 %', async () => {
  const admin = await newPage(browser, baseUrl);
  await login(admin, ADMIN);
  const me = (await call(page, 'query', 'auth.me', undefined)) as { organisation: { id: number } };
  await call(admin, 'mutation', 'orgs.update', { id: me.organisation.id, postcode: '', email: '' });
  await admin.context().close();
  // 125 % on a 1366 × 768 screen: the same pixels, a quarter fewer CSS pixels.
  const zoomed = await browser.newContext({
    viewport: { width: 1093, height: 614 },
    deviceScaleFactor: 1.25,
    baseURL: baseUrl,
    locale: 'zh-CN',
  });
  const at125 = await zoomed.newPage();
  await login(at125, DEMO.filler);
  await at125.getByRole('link', { name: /2021/ }).first().click();
  await at125.locator('.nb-toc').waitFor();
  const note = at125.locator('.nb-contact-missing');
  await expect
    .poll(() => note.textContent())
    .toBe('机关信息中没有邮编、邮箱，生成的文字不含这些项；请本机关审核人或管理员在「机关信息」中补充。');
  await at125.getByLabel('编制说明', { exact: true }).scrollIntoViewIfNeeded();
  await at125.screenshot({ path: join(OUTPUT, 'opening-125.png') });
  await zoomed.close();
});
