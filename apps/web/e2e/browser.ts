import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** What the pages logged as errors (React warnings, failed requests, uncaught exceptions). */
export const consoleErrors: string[] = [];

/** A page of its own (own cookies and storage) at the size of a common office screen. */
export async function newPage(browser: Browser, baseUrl: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    baseURL: baseUrl,
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  return page;
}

export async function login(page: Page, user: { login: string; password: string }): Promise<void> {
  await page.goto('/');
  await page.getByLabel('用户名').fill(user.login);
  await page.getByLabel('密码').fill(user.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { name: '年度报告' }).waitFor();
}

/** From the report list: a new report of `year`, as a filler starts one. */
export async function createReport(page: Page, year: number): Promise<void> {
  await page.getByLabel('年度').selectOption(String(year));
  await page.getByRole('button', { name: `新建 ${year} 年度报告` }).click();
}

export const cell = (page: Page, id: string) => page.locator(`[data-cell="${id}"]`);

/** Writes `text` into every required passage still empty, so that only the tables decide the errors. */
export async function fillRequiredTexts(page: Page, text = '本年度相关工作情况见下。'): Promise<void> {
  const empty = page.locator('textarea.nb-text[aria-invalid="true"]');
  while ((await empty.count()) > 0) await empty.first().fill(text);
}

/** Waits until autosave has reached the server. */
export async function saved(page: Page): Promise<void> {
  await page.locator('[data-state="saved"]').waitFor({ timeout: 20_000 });
}
