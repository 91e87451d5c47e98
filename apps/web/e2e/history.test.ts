/**
 * The history says what happened: each entry labelled (新建, 保存, 提交, 退回 … from the versions and
 * the audit log), with who and when; a version shows the cells and passages it changed, and what
 * restoring it would change, before 「恢复此版本」.
 */
import { join } from 'node:path';
import { audit, openDatabase } from '@nianbao/db';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { type Body, newBody } from './bodies.ts';
import { cell, launch, login, saved } from './browser.ts';
import { OUTPUT } from './server.ts';

const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');
const YEAR = 2022;
let browser: Browser;
let body: Body;
let page: Page;
let reportId = 0;

beforeAll(async () => {
  body = await newBody(dataDir, 'history', [{ year: YEAR, status: 'draft' }]);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function openAt(size: { width: number; height: number; scale: number }) {
  const context = await browser.newContext({
    viewport: { width: size.width, height: size.height },
    deviceScaleFactor: size.scale,
    baseURL: baseUrl,
    locale: 'zh-CN',
  });
  page = await context.newPage();
  await login(page, body.filler);
  await page
    .getByRole('link', { name: new RegExp(String(YEAR)) })
    .first()
    .click();
  await page.locator('.nb-toc').waitFor();
  reportId = Number(new URL(page.url()).hash.split('/').pop());
}

it('labels saves and the workflow steps with who and when', async () => {
  await openAt({ width: 1366, height: 768, scale: 1 });
  await cell(page, 't4.review.maintained').fill('7');
  await saved(page);
  // The reviewer's round trip as the audit log records it (submitted on version 2, returned).
  const db = await openDatabase({ file: join(dataDir, 'nianbao.sqlite') });
  try {
    const ids = await db.selectFrom('users').select(['id', 'login']).execute();
    const idOf = (login: string) => ids.find((u) => u.login === login)!.id;
    await audit(db, {
      action: 'report.submit',
      userId: idOf(body.filler.login),
      reportId,
      detail: { version: 2 },
    });
    await audit(db, {
      action: 'report.return',
      userId: idOf(body.reviewer.login),
      reportId,
      detail: { version: 2, comment: '第五部分请写具体改进措施' },
    });
  } finally {
    await db.destroy();
  }
  await page.locator('textarea[id="nb-text-s5.body-zh"]').fill('一是加强培训。');
  await saved(page);
  await page.getByRole('button', { name: '修订记录' }).click();
  const items = page.locator('.history > li');
  await items.nth(4).waitFor();
  const lines = await items.evaluateAll((els) =>
    els.map((el) => el.querySelector('.history-line')!.textContent!.replace(/\s+/g, ' ').trim()),
  );
  expect(lines).toEqual([
    expect.stringMatching(/^第 3 版\s*保存/),
    expect.stringMatching(/^退回\s*第 2 版/),
    expect.stringMatching(/^提交\s*第 2 版/),
    expect.stringMatching(/^第 2 版\s*保存/),
    expect.stringMatching(/^第 1 版\s*新建/),
  ]);
  expect(await items.nth(1).textContent()).toContain('李强');
  expect(await items.nth(1).textContent()).toContain('第五部分请写具体改进措施');
  expect(await items.nth(2).textContent()).toContain('王敏');
});

it('shows what a version changed and what restoring it would change, then restores', async () => {
  const items = page.locator('.history > li');
  await items.nth(0).getByRole('button', { name: '查看改动' }).click();
  const newest = items.nth(0).locator('.history-preview');
  await expect.poll(() => newest.textContent()).toContain('与第 2 版相比');
  expect(await newest.textContent()).toContain('五、存在的主要问题及改进情况：文字已改');
  expect(await newest.getByRole('button', { name: '恢复此版本' }).count()).toBe(0);

  await items.nth(4).getByRole('button', { name: '查看改动' }).click();
  const first = items.nth(4).locator('.history-preview');
  await expect.poll(() => first.textContent()).toContain('恢复此版本将改动（与当前第 3 版相比）');
  expect(await first.textContent()).toMatch(/结果维持：7 → \d+/);
  await page.screenshot({ path: join(OUTPUT, 'history-preview-1366x768.png') });
  await first.getByRole('button', { name: '恢复此版本' }).click();
  await page.getByText(/已恢复第 1 版的内容/).waitFor();
  await page.context().close();
});

it('at 125 % the drawer shows the labelled entries and a preview', async () => {
  await openAt({ width: 1093, height: 614, scale: 1.25 });
  await page.getByRole('button', { name: '修订记录' }).click();
  const items = page.locator('.history > li');
  await items.nth(5).waitFor();
  // The restore is version 4, labelled so, and undoes what versions 2 and 3 changed.
  expect(await items.nth(0).locator('.history-line').textContent()).toMatch(/第 4 版\s*恢复 第 1 版/);
  await items.nth(0).getByRole('button', { name: '查看改动' }).click();
  await items.nth(0).locator('.history-changes').first().waitFor();
  await page.screenshot({ path: join(OUTPUT, 'history-preview-1366x768-125.png') });
  await page.context().close();
});
