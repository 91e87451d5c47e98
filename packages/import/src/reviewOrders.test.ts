/**
 * Table 四 in raw pdftotext of the real 淮安市人民政府 2024 report: the figures stand in five runs
 * between the stacked headers (72 64 178 37 | 12 1 1 6 | 351 | 13 4 8 1 26 | 20), not in column
 * order. Another order is taken only when R4-SUM confirms it and no other order with other values
 * does; otherwise the table is left empty and its cells listed — never a figure in the wrong cell.
 */
import { describe, expect, it } from 'vitest';
import { fixture } from '../test/fixture.ts';
import { importText } from './importReport.ts';
import type { ImportResult } from './types.ts';

const raw = fixture('huaian-city-govt-2024-raw.txt');

/** The raw text with table 四's figure lines, in the order printed, replaced by `figures`. */
function withFigures(figures: number[]): string {
  const from = raw.indexOf('四、政府信息公开行政复议');
  const to = raw.indexOf('五、', from);
  let i = 0;
  const section = raw.slice(from, to).replace(/^\d+$/gm, () => String(figures[i++]));
  expect(i).toBe(15);
  return raw.slice(0, from) + section + raw.slice(to);
}

const t4 = (result: ImportResult) =>
  Object.fromEntries(Object.entries(result.data.cells).filter(([id]) => id.startsWith('t4.')));
const t4Unread = (result: ImportResult) => result.unread.find((u) => u.cells?.[0]?.startsWith('t4.'));

describe('table 四 printed out of column order (raw pdftotext)', () => {
  it('as published: no order keeps R4-SUM with each group’s figures in column order, so it is left empty and listed', () => {
    const result = importText(raw);
    expect(t4(result)).toEqual({});
    expect(t4Unread(result)?.cells).toHaveLength(15);
    expect(t4Unread(result)?.message.en).toContain(
      'no reading in column order (each 总计 anywhere) keeps R4-SUM',
    );
    expect(result.readings.map((r) => r.table)).toEqual(['t2', 't3']);
  });

  it('each 总计 set apart from its group: read in the one order R4-SUM confirms, and said so', () => {
    // The two 行政诉讼 groups' runs the other way round: the other figures in column order.
    const result = importText(withFigures([72, 64, 178, 37, 13, 4, 8, 1, 351, 12, 1, 1, 6, 26, 20]));
    expect(t4(result)).toEqual({
      't4.review.maintained': 72,
      't4.review.corrected': 64,
      't4.review.other': 178,
      't4.review.pending': 37,
      't4.review.total': 351,
      't4.litigation_direct.maintained': 13,
      't4.litigation_direct.corrected': 4,
      't4.litigation_direct.other': 8,
      't4.litigation_direct.pending': 1,
      't4.litigation_direct.total': 26,
      't4.litigation_after_review.maintained': 12,
      't4.litigation_after_review.corrected': 1,
      't4.litigation_after_review.other': 1,
      't4.litigation_after_review.pending': 6,
      't4.litigation_after_review.total': 20,
    });
    expect(result.readings.find((r) => r.table === 't4')).toEqual({
      table: 't4',
      method: 'order',
      confirmedBy: ['R4-SUM'],
      failedRules: [],
      unconfirmed: [],
    });
    expect(t4Unread(result)).toBeUndefined();
  });

  it('the two 行政诉讼 groups with one 总计, printed the other way round as in the real text: left empty', () => {
    // 复议后起诉 20 1 4 1 | 26 stands before 直接起诉 13 4 8 1 | 26, as 12 1 1 6 does in the report:
    // read in column order both sums hold, so R4-SUM cannot tell which group is which.
    const result = importText(withFigures([72, 64, 178, 37, 20, 1, 4, 1, 351, 13, 4, 8, 1, 26, 26]));
    expect(t4(result)).toEqual({});
    expect(t4Unread(result)?.cells).toHaveLength(15);
  });

  it('two orders keep R4-SUM with different values: left empty and listed', () => {
    // 0 1 0 0 | 0 0 2 0 | 1 | 2 0 0 0 2 | 2: 复议后起诉 reads 2 0 0 0 2 (its 总计 last) or 0 0 0 2 2
    // (the first 2 of the run as 直接起诉's 总计); R4-SUM holds on both.
    const result = importText(withFigures([0, 1, 0, 0, 0, 0, 2, 0, 1, 2, 0, 0, 0, 2, 2]));
    expect(t4(result)).toEqual({});
    expect(t4Unread(result)?.cells).toHaveLength(15);
    expect(t4Unread(result)?.message.en).toContain('several readings');
  });
});
