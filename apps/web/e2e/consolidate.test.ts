/**
 * Bringing reports in and adding them up, in Chromium against the real server: a second subordinate
 * body imports the published Tiantan 2019 text into a new draft, sees what was read, exports it as
 * JSON; the parent body's administrator makes the 2019 汇总 of the three bodies and downloads its PDF.
 */

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exampleJson } from '@nianbao/examples';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { cell, consoleErrors, launch, login, newPage } from './browser.ts';
import { OUTPUT, REPO_ROOT } from './server.ts';

const baseUrl = inject('baseUrl');
const TIANTAN_TEXT = join(REPO_ROOT, 'packages/import/test/fixtures/tiantan-2019.txt');
const ADMIN = { login: 'admin', password: 'admin-demo' };
const TOWN = { login: 'e2e-town', password: 'e2e-town-password' };
const example = exampleJson('tiantan-2019') as { cells: Record<string, number | string | null> };

let browser: Browser;
let admin: Page;
let town: Page;

async function call(page: Page, path: string, input: unknown) {
  const response = await page.request.post(`/trpc/${path}`, { data: input });
  const body = (await response.json()) as { result?: { data: unknown }; error?: unknown };
  if (!body.result) throw new Error(`${path}: ${JSON.stringify(body.error)}`);
  return body.result.data as { id: number };
}

beforeAll(async () => {
  browser = await launch();
  admin = await newPage(browser, baseUrl);
  town = await newPage(browser, baseUrl);
  // A second body under the demo's parent, with a filler of its own (the admin procedures of the API).
  await login(admin, ADMIN);
  const me = (await (await admin.request.get('/trpc/auth.me')).json()) as {
    result: { data: { organisation: { id: number } } };
  };
  const org = await call(admin, 'orgs.create', {
    nameZh: '示范区承留镇人民政府',
    nameEn: 'Chengliu Town Government',
    parentId: me.result.data.organisation.id,
  });
  await call(admin, 'users.create', {
    login: TOWN.login,
    displayName: '承留镇 填报人',
    role: 'filler',
    organisationId: org.id,
    password: TOWN.password,
  });
});
afterAll(async () => {
  await browser?.close();
});

it('shows a 2019-layout report of 2023: read as printed, the migration and what it loses, the name slip, each table’s confirmation', async () => {
  await login(town, TOWN);
  // The Tiantan text relabelled 2023 (its tables stay in the 2019 layout), 事 misread as 亊 in the
  // title and the body's name signed correctly at the end.
  const relabelled = join(OUTPUT, 'tiantan-2023-in-2019-layout.txt');
  writeFileSync(
    relabelled,
    `${readFileSync(TIANTAN_TEXT, 'utf8')
      .replace(/2019(\s*)年/g, '2023$1年')
      .replace('天坛街道办事处2023', '天坛街道办亊处2023')
      .trimEnd()}\n\n天坛街道办事处\n2024年1月15日\n`,
  );
  await town.locator('.import-card input[type="file"]').setInputFiles(relabelled);
  const reading = town.getByTestId('reading');
  await reading.waitFor({ timeout: 30_000 });
  expect(await town.getByTestId('spelled-elsewhere').textContent()).toMatch(
    /落款（第 \d+ 行）写作「天坛街道办事处」/,
  );
  const migration = town.getByTestId('migration');
  expect(await migration.textContent()).toMatch(
    /表格按2019年版格式（试行）印制（X-FMT）.*2023 年度报告须使用2021年版格式.*「（六）其他处理」一行并入「3.其他」.*迁移后丢失以下 2 个数字/,
  );
  expect(await town.getByTestId('migration-lost').textContent()).toMatch(/政府集中采购.*= 21.*= 95/);
  expect(await town.getByTestId('readings').textContent()).toMatch(/表三：按行标签读取，由 R3-BAL.*证实/);
  expect(await reading.textContent()).toMatch(/X-FMT/);
  await town.getByRole('button', { name: '迁移到2021年版格式并导入为 2023 年度草稿' }).waitFor();
  await migration.scrollIntoViewIfNeeded();
  await town.screenshot({ path: join(OUTPUT, 'import-migration.png') });
});

it('imports a published report’s text into a new draft, showing what was read', async () => {
  await town.locator('.import-card input[type="file"]').setInputFiles(TIANTAN_TEXT);
  const reading = town.getByTestId('reading');
  await reading.waitFor({ timeout: 30_000 });
  expect(await reading.textContent()).toMatch(/读出 2019 年度（2019年版格式.*）报告：198 \/ 198 个表格数字/);
  await town.screenshot({ path: join(OUTPUT, 'import-reading.png'), fullPage: true });

  await town.getByRole('button', { name: '导入为 2019 年度草稿' }).click();
  await cell(town, 't3.new_received.natural_person').waitFor();
  for (const id of [
    't2.procurement.items',
    't2.procurement.total_amount',
    't3.new_received.natural_person',
  ]) {
    expect(await cell(town, id).inputValue(), id).toBe(String(example.cells[id] ?? ''));
  }
  await town.getByRole('button', { name: '修订记录' }).click();
  await town.locator('.history li').first().getByText('导入').waitFor();
  await town.screenshot({ path: join(OUTPUT, 'import-draft.png') });

  const [download] = await Promise.all([
    town.waitForEvent('download'),
    town.getByRole('button', { name: '导出 JSON' }).click(),
  ]);
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8')) as typeof example & {
    organisation: { zh: string };
  };
  expect(exported.organisation.zh).toBe('示范区承留镇人民政府');
  expect(exported.cells['t3.new_received.natural_person']).toBe(
    example.cells['t3.new_received.natural_person'],
  );

  // Back in through the editor: a new version, in the history as an import, restorable.
  const edited = join(OUTPUT, 'import-edited.report.json');
  writeFileSync(
    edited,
    JSON.stringify({ ...exported, cells: { ...exported.cells, 't2.procurement.items': 30 } }),
  );
  await town.locator('.editor-actions input[type="file"]').setInputFiles(edited);
  await town.getByText(/已导入「import-edited.report.json」为第 2 版/).waitFor();
  expect(await cell(town, 't2.procurement.items').inputValue()).toBe('30');
  await town.locator('.history li').nth(1).waitFor();
  expect(await town.locator('.history li').first().textContent()).toContain('导入');
  await town.locator('.history li').nth(1).getByRole('button', { name: '查看改动' }).click();
  await town.locator('.history li').nth(1).getByRole('button', { name: '恢复此版本' }).click();
  await town.getByText(/已恢复第 1 版的内容/).waitFor();
  expect(await cell(town, 't2.procurement.items').inputValue()).toBe(
    String(example.cells['t2.procurement.items']),
  );
});

it('makes the 汇总 of the subordinate bodies and downloads its PDF', async () => {
  await admin.goto('/');
  await admin.getByRole('link', { name: '汇总下级机关报告' }).click();
  await admin.getByLabel('年度').selectOption('2019');
  const included = admin.getByTestId('included');
  const missing = admin.getByTestId('missing');
  // The demo seed's two bodies with approved 2019 reports; the town's import is still a draft.
  await included.getByText('天坛街道办事处').waitFor();
  await included.getByText('示范区演示镇人民政府').waitFor();
  await missing.getByText('示范区承留镇人民政府').waitFor();
  expect(await missing.textContent()).toContain('报告尚未提交（草稿）');

  await admin.getByLabel('包括尚未提交的草稿').check();
  await included.getByText('示范区承留镇人民政府').waitFor();
  await admin.getByText('汇总数字符合全部规则').waitFor();
  await admin.screenshot({ path: join(OUTPUT, 'consolidate.png'), fullPage: true });
  await admin.getByRole('button', { name: 'English' }).click();
  await admin.getByText('Included (3)').waitFor();
  await admin.screenshot({ path: join(OUTPUT, 'consolidate-en.png'), fullPage: true });
  await admin.getByRole('button', { name: '中文' }).click();

  await admin.getByRole('button', { name: '保存为本机关 2019 年度报告（草稿）' }).click();
  await admin.getByText(/已保存为本机关 2019 年度报告第 1 版/).waitFor();
  const [download] = await Promise.all([
    admin.waitForEvent('download', { timeout: 60_000 }),
    admin.getByRole('link', { name: '下载中文 PDF' }).click(),
  ]);
  const file = join(OUTPUT, 'consolidated-2019.zh.pdf');
  await download.saveAs(file);
  expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s/g, '');
  expect(text).toContain('济源产城融合示范区管理委员会');
  expect(text).toContain('天坛街道办事处、示范区演示镇人民政府、示范区承留镇人民政府');

  // The 汇总 is the parent's own draft: Tiantan's figures twice (its report and the import) plus the demo town's.
  await admin.getByRole('link', { name: '打开报告' }).click();
  const id = 't2.procurement.items';
  await cell(admin, id).waitFor();
  expect(Number(example.cells[id])).toBeGreaterThan(0);
  expect(await cell(admin, id).inputValue()).toBe(String(2 * Number(example.cells[id]) + 8));
  expect(await cell(admin, 't3.new_received.natural_person').inputValue()).toBe('6');
  await admin.screenshot({ path: join(OUTPUT, 'consolidated-report.png') });
});

it('logs no errors in the browser on the way', () => {
  expect(consoleErrors).toEqual([]);
});
