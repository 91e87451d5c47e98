/**
 * Accessibility of the HTML export, as a portal's assessment (GB/T 37668 / WCAG 2.1 AA) checks it:
 * axe-core run in Chromium on both examples in zh and zh-en finds nothing; and the figures of
 * table 三 name all their headers, as a screen reader announces them.
 */
import { createRequire } from 'node:module';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { examples, loadExample } from '../test/examples.ts';
import { renderReportHtml } from './html.ts';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  page = await browser.newPage();
});
afterAll(() => browser?.close());

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

describe.each(examples.flatMap((e) => (['zh', 'zh-en'] as const).map((lang) => ({ file: e.file, lang }))))(
  '$file in $lang',
  ({ file, lang }) => {
    it('has no accessibility violations (axe-core, every rule)', async () => {
      await page.setContent(renderReportHtml(loadExample(file), { lang }));
      await page.addScriptTag({ path: axePath });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(o: object): Promise<{ violations: unknown[] }> } })
          .axe;
        return (await axe.run({ resultTypes: ['violations'] })).violations;
      });
      const found = (violations as AxeViolation[]).map(
        (v) =>
          `${v.impact} ${v.id}: ${v.help} (${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join('; ')})`,
      );
      expect(found).toEqual([]);
    });
  },
);

describe('table 三 for a screen reader', () => {
  const report = loadExample('demo-county-2021.report.json');

  it('has a caption, column headers by scope, and every figure names all its headers', async () => {
    await page.setContent(renderReportHtml(report, { lang: 'zh' }));
    const t3 = page.locator('table').nth(1);
    expect(await t3.locator('caption').innerText()).toBe('收到和处理政府信息公开申请情况');
    // Column headers: groups scope colgroup, leaves scope col; the corner note is no header.
    const scopes = await t3
      .locator('thead th')
      .evaluateAll((cells) => cells.map((c) => `${c.textContent}:${c.getAttribute('scope')}`));
    expect(scopes).toEqual([
      '申请人情况:colgroup',
      '自然人:col',
      '法人或其他组织:colgroup',
      '总计:col',
      '商业企业:col',
      '科研机构:col',
      '社会公益组织:col',
      '法律服务机构:col',
      '其他:col',
    ]);
    expect(await t3.locator('thead td.corner').count()).toBe(1);
    // The figure of 「1.属于国家秘密」 from 商业企业: every header a reader needs, outermost first.
    const headers = await t3
      .locator('td[data-cell="t3.denied_state_secret.commercial"]')
      .evaluate((td) =>
        (td.getAttribute('headers') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent),
      );
    expect(headers).toEqual([
      '申请人情况',
      '法人或其他组织',
      '商业企业',
      '三、本年度办理结果',
      '（三）不予公开',
      '1.属于国家秘密',
    ]);
    // Every figure of the table names its headers, and each id is a header cell of this table.
    const broken = await t3.evaluate(
      (element) =>
        [...element.querySelectorAll('td[data-cell]')].filter((td) => {
          const ids = (td.getAttribute('headers') ?? '').split(' ').filter(Boolean);
          return ids.length < 2 || ids.some((id) => element.querySelector(`th[id="${id}"]`) === null);
        }).length,
    );
    expect(broken).toBe(0);
  });
});
