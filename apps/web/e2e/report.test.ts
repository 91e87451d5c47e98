/**
 * The main job, end to end in Chromium against the real server and a fresh database: fill in a
 * report, meet a broken rule at its cell, fix it, find everything saved, submit, approve, download.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cell, consoleErrors, createReport, launch, login, newPage, saved } from './browser.ts';
import { DEMO, OUTPUT } from './server.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;
let reportUrl = '';

// The demo already holds a 2021 draft, so the report created here is 2022's — in the 2021 format too.
const YEAR = 2022;

const figures: Record<string, string> = {
  't2.rules.issued': '1',
  't2.normative_docs.issued': '3',
  't2.normative_docs.repealed': '1',
  't2.normative_docs.in_force': '17',
  't2.licensing.decisions': '1256',
  't2.fees.amount_wan_yuan': '12.35',
  't3.new_received.natural_person': '10',
  't3.new_received.commercial': '2',
  't3.granted.natural_person': '6',
  't3.partially_granted.commercial': '2',
  't4.review.maintained': '1',
};

const narrative: Record<string, string> = {
  '一、总体情况 （一）主动公开': '本年度主动公开政府信息1460条。',
  '一、总体情况 （二）依申请公开': '本年度新收政府信息公开申请12件。',
  '一、总体情况 （三）政府信息管理': '健全政府信息公开审查机制。',
  '一、总体情况 （四）政府信息公开平台建设': '优化门户网站政府信息公开专栏。',
  '一、总体情况 （五）监督保障': '将政务公开纳入年度考核。',
  '五、存在的主要问题及改进情况': '主动公开的深度和广度仍需提升。',
  '六、其他需要报告的事项 （一）信息处理费收取情况': '本年度未收取信息处理费。',
};

beforeAll(async () => {
  browser = await launch();
  page = await newPage(browser, baseUrl);
});

afterAll(async () => {
  await browser?.close();
});

describe('a filler and a reviewer', () => {
  it('logs in and creates the report of a year', async () => {
    await login(page, DEMO.filler);
    await page.screenshot({ path: join(OUTPUT, 'reports-list.png') });
    await createReport(page, YEAR);
    await cell(page, 't3.new_received.natural_person').waitFor();
    reportUrl = page.url();
    expect(await page.locator('.nb-title').textContent()).toBe(
      `${DEMO.organisation}${YEAR}年政府信息公开工作年度报告`,
    );
  });

  it('shows a broken R3-BAL at its cell and in the findings panel', async () => {
    for (const [id, value] of Object.entries(figures)) await cell(page, id).fill(value);
    expect(await cell(page, 't3.new_received.total').textContent()).toBe('12');
    expect(await cell(page, 't3.results_total.total').textContent()).toBe('8');
    const target = cell(page, 't3.carried_forward.natural_person');
    expect(await target.getAttribute('aria-invalid')).toBe('true');
    const findings = page.locator('.nb-findings [data-rule="R3-BAL"]');
    expect(await findings.count()).toBe(2);
    await target.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUTPUT, 'form-r3-bal.png') });
    await page.locator('.nb-findings').screenshot({ path: join(OUTPUT, 'findings-panel.png') });
  });

  it('fixes it from the panel and by typing, and fills in the narrative', async () => {
    await page
      .locator('.nb-findings [data-rule="R3-BAL"]')
      .first()
      .getByRole('button', { name: '填入 4' })
      .click();
    expect(await cell(page, 't3.carried_forward.natural_person').inputValue()).toBe('4');
    await cell(page, 't3.carried_forward.commercial').fill('0');
    expect(await page.locator('.nb-findings [data-rule="R3-BAL"]').count()).toBe(0);
    expect(await cell(page, 't3.carried_forward.natural_person').getAttribute('aria-invalid')).toBeNull();
    for (const [name, text] of Object.entries(narrative))
      await page.getByRole('textbox', { name, exact: true }).fill(text);
    expect(await page.locator('.nb-findings .nb-finding-error').count()).toBe(0);
    await saved(page);
    await page.screenshot({ path: join(OUTPUT, 'form-clean.png') });
  });

  it('finds every value saved after a reload', async () => {
    await page.reload();
    await cell(page, 't3.new_received.natural_person').waitFor();
    for (const [id, value] of Object.entries({ ...figures, 't3.carried_forward.natural_person': '4' })) {
      expect(await cell(page, id).inputValue(), id).toBe(value);
    }
    // A cell left empty stays empty when saved (it counts and prints as 0).
    expect(await cell(page, 't3.research.natural_person').count()).toBe(0);
    expect(await cell(page, 't3.granted.research').inputValue()).toBe('');
    for (const [name, text] of Object.entries(narrative)) {
      expect(await page.getByRole('textbox', { name, exact: true }).inputValue()).toBe(text);
    }
  });

  it('submits; the reviewer approves', async () => {
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.getByRole('button', { name: '确认提交' }).click();
    await page.locator('.editor-title .status-submitted').waitFor();
    expect(await page.getByRole('button', { name: '提交审核' }).count()).toBe(0);
    expect(await cell(page, 't3.granted.natural_person').getAttribute('readonly')).not.toBeNull();
    await page.getByRole('button', { name: '退出' }).click();
    await login(page, DEMO.reviewer);
    await page.goto(reportUrl);
    await page.getByRole('button', { name: '审核通过' }).click();
    await page.getByRole('button', { name: '确认通过' }).click();
    await page.locator('.editor-title .status-approved').waitFor();
    expect(await page.getByRole('button', { name: '审核通过' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '重新打开' }).count()).toBe(1);
  });

  it('downloads the bilingual PDF with the organisation’s name in it', async () => {
    await page.getByRole('button', { name: 'PDF / HTML' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: '下载中英对照 PDF' }).click(),
    ]);
    const file = join(OUTPUT, 'report.zh-en.pdf');
    await download.saveAs(file);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text.replace(/\s/g, '')).toContain(DEMO.organisation);
    const [word] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: '下载 Word' }).click(),
    ]);
    expect(word.suggestedFilename()).toMatch(/\.docx$/);
    const docx = join(OUTPUT, 'report.docx');
    await word.saveAs(docx);
    // A zip file holding the Word document's parts.
    expect(readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
    expect(readFileSync(docx).includes('word/document.xml')).toBe(true);
    const [preview] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('.pdf?') && r.url().includes('download=0')),
      page.getByRole('button', { name: /预览 PDF · 中文/ }).click(),
    ]);
    expect(preview.headers()['content-type']).toBe('application/pdf');
    expect(preview.headers()['content-disposition']).toMatch(/^inline/);
    await page.locator('iframe.pdf-frame').waitFor();
    await page.screenshot({ path: join(OUTPUT, 'pdf-preview.png') });
  });
});

it('logs no errors in the browser on the way', () => {
  expect(consoleErrors).toEqual([]);
});
