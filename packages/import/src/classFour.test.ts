/**
 * Issue 15, class 4 extras, each on a variation of a real report: merged-cell spans written into
 * the text, a 总计 left blank in some rows. The figures come back right, or their cells are
 * listed; which table rule confirmed a reading is in `readings`. (Headers replaced by 「数据1…数据6」
 * and an OCR slip in the body's name: the real 沭阳县 2025 report in realReports.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { fixture } from '../test/fixture.ts';
import { type PageForm, pageAs } from '../test/pageForms.ts';
import { printReport } from '../test/printReport.ts';
import { importText } from './importReport.ts';
import type { ImportResult } from './types.ts';

const listed = (result: ImportResult) => new Set(result.unread.flatMap((u) => u.cells ?? []));
const read = (result: ImportResult) =>
  Object.fromEntries(result.readCells.map((id) => [id, result.data.cells[id]]));

describe('rowspan/colspan notes written in the text (沭阳县发改局 2023 page)', () => {
  const page = fixture('suqian-shuyang-drc-2023.txt');
  // What a converter writes for the page's merged cells: 「（三）不予公开（跨 8 行）」, 「0（合并 3 列）」.
  const noted = page.replace(
    /<td([^>]*?)\b(rowspan|colspan)="(\d+)"([^>]*)>([\s\S]*?)<\/td>/g,
    (_, a: string, kind: string, n: string, b: string, content: string) =>
      `<td${a}${b}>${content.replace(/<\/p>\s*$/, '')}${kind === 'rowspan' ? `（跨 ${n} 行）` : `（合并 ${n} 列）`}${/<\/p>\s*$/.test(content) ? '</p>' : ''}</td>`,
  );

  it('the variation holds the notes', () => {
    expect(pageAs(noted, 'rows')).toMatch(/（三）不予公开（跨 8 行）/);
    expect(pageAs(noted, 'rows')).toMatch(/行政许可 {2}0（合并 3 列）/);
  });

  it.each(['rows', 'markdown', 'cells'] as PageForm[])(
    'copied as %s: the same figures as without the notes',
    (form) => {
      const plain = importText(pageAs(page, form));
      const result = importText(pageAs(noted, form));
      expect(read(result)).toEqual(read(plain));
      expect(result.readCells.length).toBeGreaterThanOrEqual(24);
    },
  );
});

describe('总计 left blank in some rows of table 三 (洪泽区 2024, its figures a row per line)', () => {
  // Reprinted in the 2021 layout (the original prints （六） as one row, so R3-RES could not be checked).
  const truth = importText(fixture('huaian-hongze-district-govt-2024.txt'));
  const text = printReport(truth.data, 'rows');
  const dropLast = (t: string, row: RegExp) => {
    const next = t.replace(row, (line) => line.replace(/\s+\d+\s*$/, ''));
    expect(next).not.toBe(t);
    return next;
  };

  it('reads the six figures of each such row, confirmed by R3-RES and R3-BAL, and lists each 总计', () => {
    let blanked = dropLast(text, /^.*（一）予以公开.*$/m);
    blanked = dropLast(blanked, /^.*1\.本机关不掌握相关政府信息.*$/m);
    blanked = dropLast(blanked, /^.*一、本年新收政府信息公开申请数量.*$/m);
    const result = importText(blanked);
    for (const row of ['granted', 'unable_no_info', 'new_received']) {
      expect(result.readCells).not.toContain(`t3.${row}.total`);
      expect(listed(result).has(`t3.${row}.total`)).toBe(true);
      for (const col of ['natural_person', 'commercial', 'other_org'])
        expect(result.data.cells[`t3.${row}.${col}`]).toBe(truth.data.cells[`t3.${row}.${col}`]);
    }
    expect(result.data.cells['t3.granted.natural_person']).toBe(50);
    expect(result.unread.map((u) => u.message.zh)).toContain(
      '表三「（一）予以公开」一行只有 6 个数字，总计栏空白，未读入',
    );
    expect(result.readings.find((r) => r.table === 't3')).toMatchObject({
      confirmedBy: expect.arrayContaining(['R3-BAL', 'R3-RES']),
      failedRules: [],
      unconfirmed: [],
    });
    // The rows after them are read as before.
    expect(result.data.cells['t3.results_total.total']).toBe(95);
  });

  it('leaves a row empty when the blank cell was another one: the six figures do not fit the rules', () => {
    // 「50 0 0 0 0 0 50」 printed without its first figure: 「0 0 0 0 0 50」 would put 50 under 其他.
    const blanked = text.replace(/^(.*（一）予以公开\s+)50\s+/m, '$1');
    expect(blanked).not.toBe(text);
    const result = importText(blanked);
    expect(result.readCells).not.toContain('t3.granted.other_org');
    expect(listed(result).has('t3.granted.other_org')).toBe(true);
    const t3 = result.readings.find((r) => r.table === 't3')!;
    expect(t3.failedRules).toContain('R3-RES');
    const whole = importText(text).data.cells;
    for (const [id, value] of Object.entries(read(result))) expect(value, id).toEqual(whole[id]);
  });
});

describe('an OCR slip of one character in the body’s name (沭阳县发改局 2023 page)', () => {
  // The title read 「沐阳县…」 (沭 → 沐, the slip of the real 沭阳县 2025 OCR); the portal's 发布机构 field and the signature are right.
  const page = fixture('suqian-shuyang-drc-2023.txt').replace(
    '<h1 class="article-title">沭阳县发展和改革局',
    '<h1 class="article-title">沐阳县发展和改革局',
  );

  it('imports with the name as the title prints it, says where it came from and where it is spelt otherwise', () => {
    expect(page).toContain('沐阳县发展和改革局2023年');
    const result = importText(page);
    expect(result.data.organisation.zh).toBe('沐阳县发展和改革局');
    expect(result.provenance.organisation).toMatchObject({
      value: '沐阳县发展和改革局',
      source: 'title',
      spelledElsewhere: [
        { value: '沭阳县发展和改革局', source: 'publisher' },
        { value: '沭阳县发展和改革局', source: 'closing' },
      ],
    });
    expect(result.data.cells['t3.new_received.total']).toBe(26);
  });

  it('says nothing of the kind when every place spells it alike', () => {
    expect(
      importText(fixture('suqian-shuyang-drc-2023.txt')).provenance.organisation.spelledElsewhere,
    ).toBeUndefined();
  });
});
