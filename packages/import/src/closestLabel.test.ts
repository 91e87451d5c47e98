/**
 * Table 二's rows are placed by the closest label in the whole table, not the first within
 * tolerance in their block: 行政处罚 is two edits from 行政许可, so a moved line of one must
 * never fill the other. On the real 洪泽区 2024 text (pdftotext -layout).
 */
import { describe, expect, it } from 'vitest';
import { fixture } from '../test/fixture.ts';
import { importText } from './importReport.ts';

const hongze2024 = fixture('huaian-hongze-district-govt-2024.txt');
const LICENSING = /^行政许可 +9487$/m;
const PENALTY = /^行政处罚 +2776$/m;

function edit(text: string, from: RegExp, to: string): string {
  const next = text.replace(from, to);
  expect(next).not.toBe(text);
  return next;
}

const listed = (result: ReturnType<typeof importText>) => result.unread.flatMap((u) => u.cells ?? []);

describe('table 二: the closest label across the table', () => {
  it('reads a 行政处罚 line moved into the 行政许可 block as 行政处罚', () => {
    const text = edit(edit(hongze2024, PENALTY, ''), LICENSING, '行政许可  9487\n行政处罚  2776');
    const result = importText(text);
    expect(result.data.cells['t2.licensing.decisions']).toBe(9487);
    expect(result.data.cells['t2.penalty.decisions']).toBe(2776);
    expect(result.data.cells['t2.coercion.decisions']).toBe(84);
  });

  it('leaves 行政许可 empty, not 2776, when its line is lost and 行政处罚’s moved into its block', () => {
    const text = edit(edit(hongze2024, PENALTY, ''), LICENSING, '行政处罚  2776');
    const result = importText(text);
    expect(result.readCells).not.toContain('t2.licensing.decisions');
    expect(listed(result)).toContain('t2.licensing.decisions');
    expect(result.data.cells['t2.penalty.decisions']).toBe(2776);
  });

  it('leaves a row empty when two lines carry its label with different figures', () => {
    const text = edit(hongze2024, PENALTY, '行政处罚  2776\n行政处罚  2777');
    const result = importText(text);
    expect(result.readCells).not.toContain('t2.penalty.decisions');
    expect(listed(result)).toContain('t2.penalty.decisions');
    expect(result.data.cells['t2.coercion.decisions']).toBe(84);
  });

  it('leaves a row empty when its label is as close to two rows (行政处制: 处罚 or 强制?)', () => {
    const text = edit(hongze2024, PENALTY, '行政处制  2776');
    const result = importText(text);
    expect(result.readCells).not.toContain('t2.penalty.decisions');
    expect(listed(result)).toContain('t2.penalty.decisions');
    expect(result.data.cells['t2.coercion.decisions']).toBe(84); // its own line
    expect(result.data.cells['t2.licensing.decisions']).toBe(9487);
  });
});
