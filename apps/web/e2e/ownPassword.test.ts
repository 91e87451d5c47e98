/**
 * A signed-in user changes their own password from the top bar: the refusals at their fields (a
 * wrong current password from the server, two new ones that differ from the dialog), then the change,
 * after which the new password signs in and the old one does not.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { consoleErrors, launch, login, newPage } from './browser.ts';
import { type Body, ownBody } from './ownBody.ts';
import { OUTPUT } from './server.ts';

const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');
const NEW = 'ein-neues-kennwort';
let browser: Browser;
let page: Page;
let body: Body;

beforeAll(async () => {
  body = await ownBody(dataDir, 'password', '示范区密码街道办事处');
  browser = await launch();
  page = await newPage(browser, baseUrl);
});
afterAll(async () => {
  await browser?.close();
});

it('refuses a wrong current password and differing new ones at their fields, then changes it', async () => {
  await login(page, body.filler);
  // From the user menu (the name in the top bar).
  await page.locator('.user-menu summary').filter({ hasText: body.name }).click();
  await page.screenshot({
    path: join(OUTPUT, 'user-menu.png'),
    clip: { x: 600, y: 0, width: 766, height: 120 },
  });
  await page.getByRole('button', { name: '修改密码' }).click();
  const dialog = page.getByRole('dialog', { name: '修改密码' });
  await dialog.getByLabel('当前密码').fill('not-my-password');
  await dialog.getByLabel('新密码', { exact: true }).fill(NEW);
  await dialog.getByLabel('再次输入新密码').fill(`${NEW}!`);
  await dialog.getByRole('button', { name: '确认修改' }).click();
  const again = dialog.getByLabel('再次输入新密码');
  expect(await again.getAttribute('aria-invalid')).toBe('true');
  expect(await dialog.getByRole('alert').textContent()).toBe('两次输入的新密码不一致');

  await again.fill(NEW);
  await dialog.getByRole('button', { name: '确认修改' }).click();
  const current = dialog.getByLabel('当前密码');
  await expect.poll(() => current.getAttribute('aria-invalid')).toBe('true');
  const describedBy = (await current.getAttribute('aria-describedby'))!;
  expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe('当前密码（currentPassword）不正确');
  await page.screenshot({ path: join(OUTPUT, 'password-refused.png') });
  expect(await axeViolations(page)).toEqual([]);
  // The browser logs the refusal it was meant to get.
  expect(consoleErrors.splice(0)).toEqual([
    expect.stringContaining('the server responded with a status of 400'),
  ]);

  await current.fill(body.filler.password);
  await dialog.getByRole('button', { name: '确认修改' }).click();
  await dialog.getByRole('status').filter({ hasText: '密码已修改' }).waitFor();
  await page.screenshot({ path: join(OUTPUT, 'password-changed.png') });
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect.poll(() => dialog.count()).toBe(0);
  // The focus goes back to the menu it came from.
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.classList.contains('app-user')))
    .toBe(true);
  // Still signed in here, on a new session.
  await page.reload();
  await page.getByRole('heading', { name: '年度报告' }).waitFor();

  await page.getByRole('button', { name: '退出' }).click();
  await login(page, { login: body.filler.login, password: NEW });
  await page.getByRole('button', { name: '退出' }).click();
  await page.getByLabel('用户名').fill(body.filler.login);
  await page.getByLabel('密码').fill(body.filler.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor();
  expect(consoleErrors.splice(0)).toEqual([
    expect.stringContaining('the server responded with a status of 401'),
  ]);
});
