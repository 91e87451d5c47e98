/**
 * The administrator's users screen in Chromium against the real server: an administrator adds a
 * user whose once-shown password signs them in elsewhere, sees each refusal at the field it names
 * (in Chinese and English), cannot drop their own administrator role, resets a password (the old one
 * and the user's session end) and clears the failed sign-ins that hold an account back. A filler
 * gets no link and the API's refusal.
 */
import { join } from 'node:path';
import { createUser, openDatabase } from '@nianbao/db';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { type Body, newBody } from './bodies.ts';
import { consoleErrors, launch, login, newPage } from './browser.ts';
import { zoomed } from './ownBody.ts';
import { OUTPUT } from './server.ts';

const baseUrl = inject('baseUrl');
const dataDir = inject('dataDir');
const ADMIN = { login: 'users-admin', password: 'users-admin-password' };
const NEW_LOGIN = 'users-zhao';
let browser: Browser;
let page: Page;
let body: Body;
/** The new user's password as the screen showed it (the reset replaces it). */
let password = '';

beforeAll(async () => {
  body = await newBody(dataDir, 'users');
  const db = await openDatabase({ file: join(dataDir, 'nianbao.sqlite') });
  try {
    await createUser(db, { ...ADMIN, displayName: '张管理', role: 'admin', organisationId: body.parentId });
  } finally {
    await db.destroy();
  }
  browser = await launch();
  page = await newPage(browser, baseUrl);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  await login(page, ADMIN);
});
afterAll(async () => {
  await browser?.close();
});

/** The texts an element's aria-describedby points at: its hint and its error. */
const description = (control: Locator) =>
  control.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
const row = (login: string) =>
  page.locator('.users-table tbody tr').filter({ has: page.getByLabel(`${login}的角色`) });
/** The line beneath an account that says what an action did. */
const outcome = (login: string) => row(login).locator('+ tr.user-outcome');

/** A sign-in attempt on the login page; resolves with the page's answer. */
async function tryLogin(other: Page, user: { login: string; password: string }): Promise<void> {
  await other.goto('/');
  await other.getByLabel('用户名').fill(user.login);
  await other.getByLabel('密码').fill(user.password);
  const answered = other.waitForResponse((r) => r.url().includes('auth.login'));
  await other.getByRole('button', { name: '登录' }).click();
  await answered;
}

it('is reached from the list and lists the bodies’ users with body and role', async () => {
  await page.getByRole('link', { name: '用户管理' }).click();
  await page.getByRole('heading', { name: '用户管理' }).waitFor();
  await page.locator('.users-table').waitFor();
  expect(await row('users-filler').locator('td').nth(2).textContent()).toBe('users街道办事处');
  expect(await page.getByLabel('users-filler的角色').inputValue()).toBe('filler');
  const chosen = (login: string) =>
    page.getByLabel(`${login}的角色`).evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent);
  expect(await chosen('users-filler')).toBe('填报人');
  expect(await chosen('users-reviewer')).toBe('审核人');
  expect(await chosen(ADMIN.login)).toBe('管理员');
  // Only this administrator's bodies: the demo county's users are not theirs.
  expect(await page.locator('.users-table').textContent()).not.toContain('tiantan');
  // A body's name leads to its 机关信息 (contact details), and back.
  await row('users-filler').getByRole('link', { name: 'users街道办事处' }).click();
  await page.getByRole('heading', { name: '机关信息' }).waitFor();
  expect(page.url()).toContain(`#/organisation/${body.orgId}`);
  await page.goBack();
  await page.locator('.users-table').waitFor();
});

it('shows each refusal at the field it names, in the chosen language', async () => {
  const loginField = page.getByLabel('用户名', { exact: true });
  await loginField.fill('a b');
  await page.getByLabel('姓名', { exact: true }).fill('赵六');
  await page.getByRole('button', { name: '添加用户' }).click();
  await expect.poll(() => loginField.getAttribute('aria-invalid')).toBe('true');
  expect(await description(loginField)).toContain(
    '用户名（login）须为 2–64 个字母、数字、点、连字符或下划线',
  );
  expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
  await page.screenshot({ path: join(OUTPUT, 'users-field-error.png'), fullPage: true });

  await page.getByRole('button', { name: 'English' }).click();
  const loginEn = page.getByLabel('Login', { exact: true });
  await expect
    .poll(() => description(loginEn))
    .toContain('login: 2–64 letters, digits, dot, dash or underscore');
  await page.getByRole('button', { name: '中文' }).click();

  // A login already in use is the server's finding too, shown at the same field.
  await loginField.fill('users-filler');
  await page.getByRole('button', { name: '添加用户' }).click();
  await expect.poll(() => description(loginField)).toContain('用户名 users-filler 已被使用');
  expect(await page.locator('.create-card [role="alert"]').count()).toBe(0);
});

it('adds a user and shows the password once, with a copy button; it signs them in elsewhere', async () => {
  await page.getByLabel('用户名', { exact: true }).fill(NEW_LOGIN);
  await page.getByLabel('姓名', { exact: true }).fill('赵六');
  await page.getByLabel('所在机关').selectOption({ label: '\u3000users街道办事处' });
  await page.getByLabel('角色', { exact: true }).selectOption('filler');
  await page.getByRole('button', { name: '添加用户' }).click();
  const shown = page.getByTestId('once-password');
  await shown.waitFor();
  password = (await shown.textContent()) ?? '';
  expect(password.length).toBeGreaterThanOrEqual(12);
  expect(await page.locator('.once-password').textContent()).toContain('此密码只显示这一次');
  // The panel takes focus, so that nobody tabs past it.
  expect(await page.evaluate(() => document.activeElement?.className)).toBe('once-password');
  await page.getByRole('button', { name: '复制密码' }).click();
  await page.getByText('已复制').waitFor();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(password);
  await row(NEW_LOGIN).waitFor();
  expect(await row(NEW_LOGIN).locator('td').nth(2).textContent()).toBe('users街道办事处');
  await page.screenshot({ path: join(OUTPUT, 'users-added.png'), fullPage: true });

  const other = await newPage(browser, baseUrl);
  await login(other, { login: NEW_LOGIN, password });
  expect(await other.locator('.app-user').textContent()).toContain('赵六');
  // A filler: no way to the accounts, and the page itself is refused by the API.
  expect(await other.getByRole('link', { name: '用户管理' }).count()).toBe(0);
  await other.context().close();

  await page.getByRole('button', { name: '已交给本人，关闭' }).click();
  // Gone once React has re-rendered (a count taken at once raced it on a busy CI machine).
  await expect.poll(() => shown.count()).toBe(0);
});

it('refuses to drop one’s own administrator role, in both languages, at the role', async () => {
  const own = page.getByLabel(`${ADMIN.login}的角色`);
  await own.selectOption('reviewer');
  await row(ADMIN.login).getByRole('button', { name: '更改角色' }).click();
  await expect.poll(() => description(own)).toContain('不能取消自己的管理员身份，请由另一位管理员操作');
  expect(await own.inputValue()).toBe('admin');
  // Nor is one's own password reset here: it would end this session with the new one on screen.
  expect(await row(ADMIN.login).getByRole('button', { name: '重置密码' }).count()).toBe(0);
  await page.getByRole('button', { name: 'English' }).click();
  await expect
    .poll(() => description(page.getByLabel(`Role of ${ADMIN.login}`)))
    .toContain('You cannot remove your own administrator role; another administrator must');
  await page.screenshot({ path: join(OUTPUT, 'users-own-role-en.png'), fullPage: true });
  await page.getByRole('button', { name: '中文' }).click();
});

it('changes a role with a button, not at every arrow key in the select', async () => {
  const select = page.getByLabel(`${NEW_LOGIN}的角色`);
  await select.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  expect(await select.inputValue()).toBe('admin');
  await row(NEW_LOGIN).getByRole('button', { name: '取消' }).click();
  expect(await select.inputValue()).toBe('filler');
  await select.selectOption('reviewer');
  await page.screenshot({ path: join(OUTPUT, 'users-role-choice.png') });
  await row(NEW_LOGIN).getByRole('button', { name: '更改角色' }).click();
  await outcome(NEW_LOGIN).getByText(`已将 ${NEW_LOGIN} 的角色改为审核人。`).waitFor();
  expect(await page.getByLabel(`${NEW_LOGIN}的角色`).inputValue()).toBe('reviewer');
});

it('resets a password after a confirmation: the old one and the user’s session end', async () => {
  const other = await newPage(browser, baseUrl);
  await login(other, { login: NEW_LOGIN, password });
  await row(NEW_LOGIN).getByRole('button', { name: '重置密码' }).click();
  const dialog = page.getByRole('dialog', { name: `重置 ${NEW_LOGIN}（赵六）的密码？` });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: '取消' }).click();
  expect(await page.getByTestId('once-password').count()).toBe(0);
  await row(NEW_LOGIN).getByRole('button', { name: '重置密码' }).click();
  await page.screenshot({ path: join(OUTPUT, 'users-reset-confirm.png') });
  await dialog.getByRole('button', { name: '重置密码' }).click();
  const shown = outcome(NEW_LOGIN).getByTestId('once-password');
  await shown.waitFor();
  const fresh = (await shown.textContent()) ?? '';
  expect(fresh).not.toBe(password);
  expect(await outcome(NEW_LOGIN).textContent()).toContain('此密码只显示这一次');
  await page.screenshot({ path: join(OUTPUT, 'users-reset-done.png'), fullPage: true });

  await other.reload();
  await other.getByLabel('密码').waitFor();
  await tryLogin(other, { login: NEW_LOGIN, password });
  await other.getByText('用户名或密码错误').waitFor();
  password = fresh;
  await login(other, { login: NEW_LOGIN, password });
  await other.context().close();
});

it('clears the failed sign-ins that hold an account back and says how many', async () => {
  const other = await newPage(browser, baseUrl);
  for (let i = 0; i < 5; i++) await tryLogin(other, { login: NEW_LOGIN, password: 'wrong-password' });
  await tryLogin(other, { login: NEW_LOGIN, password });
  await other.getByText(/登录失败次数过多，请 \d+ 秒后再试/).waitFor();

  // The list says who is held back: these 5 and the old password tried after the reset.
  await page.reload();
  await row(NEW_LOGIN).getByText('6 次登录失败').waitFor();
  await page.screenshot({ path: join(OUTPUT, 'users-failures.png') });
  await row(NEW_LOGIN).getByRole('button', { name: '解除登录限制' }).click();
  await outcome(NEW_LOGIN).getByText(`已清除 6 次失败登录，${NEW_LOGIN} 可以立即登录。`).waitFor();
  await expect
    .poll(() =>
      row(NEW_LOGIN)
        .getByText(/次登录失败/)
        .count(),
    )
    .toBe(0);
  await login(other, { login: NEW_LOGIN, password });
  await other.context().close();

  // Nothing left to clear is said as such.
  await row(NEW_LOGIN).getByRole('button', { name: '解除登录限制' }).click();
  await outcome(NEW_LOGIN).getByText(`${NEW_LOGIN} 没有失败登录记录，无需解除。`).waitFor();
});

it('passes axe-core, and reads at 125 % zoom', async () => {
  await row(NEW_LOGIN).getByRole('button', { name: '重置密码' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '重置密码' }).click();
  await outcome(NEW_LOGIN).getByTestId('once-password').waitFor();
  await page.getByLabel('用户名', { exact: true }).fill('-');
  await page.getByRole('button', { name: '添加用户' }).click();
  await expect
    .poll(() => page.getByLabel('用户名', { exact: true }).getAttribute('aria-invalid'))
    .toBe('true');
  expect(await axeViolations(page)).toEqual([]);

  const small = await zoomed(browser, page);
  await small.locator('.users-table').waitFor();
  await small.getByLabel('用户名', { exact: true }).fill('a b');
  await small.getByRole('button', { name: '添加用户' }).click();
  await expect
    .poll(() => small.getByLabel('用户名', { exact: true }).getAttribute('aria-invalid'))
    .toBe('true');
  await small.screenshot({ path: join(OUTPUT, 'users-125.png') });
  // The empty name is refused in words, not zod's 「数值过小」.
  expect(await description(small.getByLabel('姓名', { exact: true }))).toContain(
    '姓名（displayName）不能为空',
  );
  await small
    .getByRole('row')
    .filter({ has: small.getByLabel(`${NEW_LOGIN}的角色`) })
    .getByRole('button', { name: '重置密码' })
    .click();
  await small.getByRole('dialog').getByRole('button', { name: '重置密码' }).click();
  await small.getByTestId('once-password').waitFor();
  await small.screenshot({ path: join(OUTPUT, 'users-125-reset.png') });
  await small.context().close();
});

it('has no link for a filler, and the page shows the API’s refusal', async () => {
  const filler = await newPage(browser, baseUrl);
  await login(filler, body.filler);
  expect(await filler.getByRole('link', { name: '用户管理' }).count()).toBe(0);
  await filler.goto('/#/users');
  await filler.getByText('只有管理员可以执行此操作').waitFor();
  expect(await filler.locator('.users-table').count()).toBe(0);
  expect(await filler.getByRole('button', { name: '添加用户' }).count()).toBe(0);
  await filler.context().close();
  expect(consoleErrors.filter((e) => !/401|403|429|Failed to load resource/.test(e))).toEqual([]);
});
