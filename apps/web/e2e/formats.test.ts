/** Both official formats in the real app, in Chinese and in English, every label from the definition. */
import { join } from 'node:path';
import { format2019 } from '@nianbao/schema';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { cell, launch, login, newPage } from './browser.ts';
import { DEMO, OUTPUT } from './server.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

it('shows the approved 2019 report read-only in the 2019 layout, then in English', async () => {
  const page = await newPage(browser, baseUrl);
  await login(page, DEMO.filler);
  await page.getByRole('link', { name: /2019年政府信息公开工作年度报告/ }).click();
  await cell(page, 't2.procurement.total_amount').waitFor();
  expect(await cell(page, 't2.licensing.change').getAttribute('readonly')).not.toBeNull();
  const t2 = page.locator('[data-table="t2"]');
  await t2.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(OUTPUT, 'format-2019-table2.png') });
  const t3 = format2019.sections.find((s) => s.table?.id === 't3')!;
  await page.locator(`#nb-section-${t3.id}`).scrollIntoViewIfNeeded();
  expect(await page.locator('[data-table="t3"] th[rowspan="20"]').textContent()).toBe('三、本年度办理结果');

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: t3.label.en }).waitFor();
  for (const section of format2019.sections) {
    expect(await page.getByRole('heading', { level: 2, name: section.label.en }).count()).toBe(1);
  }
  await page.locator('[data-table="t3"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(OUTPUT, 'format-2019-table3-en.png') });
  await page.getByRole('button', { name: '中文' }).click();
  await page.getByRole('heading', { name: t3.label.zh }).waitFor();
});
