/**
 * Issue 15, class 3: a report printed in the layout of another year's format (a 2023 report in the
 * 2019 layout, a 2020 one in the 2021 layout). Real reports relabelled to the other year, in the
 * forms they reach users in: every figure comes back in the cells of the layout it was printed in,
 * X-FMT says which format the year needs, and the migration into it is offered with what it loses.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exampleJson } from '@nianbao/examples';
import { renderReportPdf } from '@nianbao/pdf';
import type { ReportData } from '@nianbao/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../test/fixture.ts';
import { htmlToDocx } from '../test/htmlToDocx.ts';
import { pageAs } from '../test/pageForms.ts';
import { checkImported } from './checkImported.ts';
import { importBytes } from './file.ts';
import { importText } from './importReport.ts';
import { pdfToText } from './pdf.ts';
import type { ImportResult } from './types.ts';

/** The report's own year changed everywhere the text states it (title, opening, period). */
const relabel = (text: string, from: number, to: number) =>
  text.replace(new RegExp(`${from}(\\s*)年`, 'g'), `${to}$1年`);

/** The cells a reading took from the text, with their values. */
const readOf = (result: ImportResult) =>
  Object.fromEntries(result.readCells.map((id) => [id, result.data.cells[id]]));

const tiantan = exampleJson('tiantan-2019') as ReportData;
const shanghai = fixture('shanghai-municipal-govt-office-2019.txt');

/** What the 2019 layout holds that the 2021 format has no cell for, with the Tiantan figures. */
const tiantanLost = [
  { cell: 't2.procurement.items', value: '21' },
  { cell: 't2.procurement.total_amount', value: '95' },
];

function expectObsolete2019(result: ImportResult) {
  expect(result.data.format).toBe('2021');
  expect(result.data.year).toBe(2023);
  expect(result.provenance.format).toEqual({ value: '2021', source: 'year', printed: '2019' });
  const fmt = checkImported(result).filter((f) => f.rule === 'X-FMT');
  expect(fmt).toHaveLength(1);
  expect(fmt[0]).toMatchObject({ level: 'error', expected: '2021', actual: '2019' });
  expect(fmt[0]!.message.zh).toMatch(/^2023年度报告须使用2021年版格式.*但表二按2019年版格式（试行）印制/);
  expect(result.migration).toMatchObject({
    from: '2019',
    to: '2021',
    merged: [
      {
        from: 't3.other_handling',
        to: 't3.other_misc',
        name: { zh: '（六）其他处理' },
        into: { zh: '3.其他' },
      },
    ],
  });
  // The offer's data: the 2021 cells the figures go to, （六）其他处理's row in 「3.其他」.
  for (const col of ['natural_person', 'total'])
    expect(result.data.cells[`t3.other_misc.${col}`]).toBe(
      result.migration!.printedCells[`t3.other_handling.${col}`],
    );
  // Each lost figure is also named in unread, so none passes for a zero.
  for (const lost of result.migration!.lost)
    expect(result.unread.some((u) => u.message.en.includes(`(${lost.cell})`))).toBe(true);
}

describe('the Tiantan 2019 report relabelled as 2023 (2019 layout in a 2021-format year)', () => {
  it('as pdftotext text: every figure in its 2019 cell, X-FMT, the migration loses 政府集中采购', () => {
    const result = importText(relabel(fixture('tiantan-2019.txt'), 2019, 2023));
    expectObsolete2019(result);
    expect(result.migration!.printedCells).toEqual(tiantan.cells);
    expect(result.migration!.lost).toMatchObject(tiantanLost);
    expect(result.migration!.lost[0]!.name.zh).toMatch(/政府集中采购.*采购项目数量/);
  });

  let layout = '';
  beforeAll(async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'nianbao-fmt-')), 'tiantan.pdf');
    writeFileSync(file, await renderReportPdf(tiantan, { lang: 'zh' }));
    layout = await pdfToText(file, 'layout');
  }, 60_000);

  it('as -layout text of its PDF: the same', () => {
    const result = importText(relabel(layout, 2019, 2023));
    expectObsolete2019(result);
    expect(result.migration!.printedCells).toEqual(tiantan.cells);
    expect(result.migration!.lost).toMatchObject(tiantanLost);
  });
});

describe('上海市人民政府办公厅 2019 relabelled as 2023', () => {
  const truth = readOf(importText(shanghai));
  const page = relabel(shanghai, 2019, 2023);

  it.each([
    ['HTML', page],
    // (A row per line drops the page's 126 blank cells, which leaves its table 三 unread in any year.)
    ['Markdown', pageAs(page, 'markdown')],
  ])('as %s: the figures of the 2019 page in its 2019 cells, X-FMT, the migration offered', (_form, text) => {
    const result = importText(text);
    expectObsolete2019(result);
    const printed = result.migration!.printedCells;
    // Every figure given is the page's own in the same 2019 cell; every one not given is listed.
    const listed = new Set(result.unread.flatMap((u) => u.cells ?? []));
    for (const [id, value] of Object.entries(truth)) {
      if (id in printed) expect(printed[id], id).toEqual(value);
      else expect(listed.has(id.replace('other_handling', 'other_misc')), id).toBe(true);
    }
    // 2019's 本年新制作 / 本年新公开 / 对外公开总数量 have no 2021 cell.
    expect(result.migration!.lost.map((l) => `${l.cell}=${l.value}`)).toEqual([
      't2.rules.made=13',
      't2.rules.published=13',
      't2.rules.total_public=524',
      't2.normative_docs.made=60',
      't2.normative_docs.published=60',
      't2.normative_docs.total_public=368',
      't2.procurement.items=6',
      't2.procurement.total_amount=25.1',
    ]);
  });

  it('as .docx: every figure in its 2019 cell', async () => {
    const result = await importBytes(await htmlToDocx(page));
    expectObsolete2019(result);
    expect(result.migration!.printedCells).toEqual(truth);
  });
});

describe('the reverse: 淮安市人民政府 2024 (2021 layout) relabelled as 2020, a 2019-format year', () => {
  const original = fixture('huaian-city-govt-2024-layout.txt');
  const result = importText(relabel(original, 2024, 2020));

  it('reads every figure in its 2021 cell and offers the 2019 format, losing what it has no cell for', () => {
    expect(result.data.format).toBe('2019');
    expect(result.provenance.format).toEqual({ value: '2019', source: 'year', printed: '2021' });
    expect(checkImported(result).filter((f) => f.rule === 'X-FMT')).toMatchObject([
      { level: 'error', expected: '2019', actual: '2021' },
    ]);
    expect(result.migration!.printedCells).toEqual(readOf(importText(original)));
    expect(result.migration).toMatchObject({ from: '2021', to: '2019', merged: [] });
    const lost = result.migration!.lost.map((l) => l.cell);
    // The three rows of （六） and 2021's table 二 columns have no 2019 cell.
    expect(lost).toContain('t3.other_overdue_correction.total');
    expect(lost).toContain('t3.other_misc.total');
    expect(lost).toContain('t2.normative_docs.in_force');
    expect(lost).toContain('t2.fees.amount_wan_yuan');
    for (const l of result.migration!.lost) expect(l.value).not.toBe('0');
  });
});

it("a report printed in its own year's layout carries no migration offer", () => {
  expect(importText(shanghai).migration).toBeUndefined();
  expect(importText(fixture('huaian-city-govt-2024-layout.txt')).migration).toBeUndefined();
});
