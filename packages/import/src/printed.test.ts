/**
 * Any figures, printed in each shape that published copies take (web table copied cell by cell or
 * paragraph by paragraph, one row per line, HTML), import back exactly: every label of both
 * formats is found from the definition.
 */
import {
  computeTotals,
  type FormatDef,
  format2019,
  format2021,
  formatCells,
  type ReportData,
} from '@nianbao/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PrintStyle, printReport } from '../test/printReport.ts';
import { checkImported } from './checkImported.ts';
import { importText } from './importReport.ts';

function reportArbitrary(format: FormatDef, year: number): fc.Arbitrary<ReportData> {
  const cells = formatCells(format);
  const value = (kind: string) =>
    kind === 'amount'
      ? fc
          .tuple(fc.nat({ max: 99_999 }), fc.nat({ max: 9999 }))
          .map(([i, f]) => (f === 0 ? String(i) : `${i}.${String(f).padStart(4, '0').replace(/0+$/, '')}`))
      : kind === 'signedCount'
        ? fc.integer({ min: -999, max: 999 })
        : fc.nat({ max: 99_999 });
  return fc.tuple(...cells.map((c) => value(c.kind))).map((values) => ({
    format: format.id,
    year,
    organisation: { zh: '某某县某某局' },
    narrative: {},
    cells: Object.fromEntries(cells.map((c, i) => [c.id, values[i]!])),
  }));
}

const styles: PrintStyle[] = ['pipes', 'paragraphs', 'rows', 'html', 'markdown'];

/**
 * The figures of a real table 三: each 总计 the sum of its row, （七）总计 of the outcomes, and each
 * column balanced (R3-BAL: new + carried over = outcomes + carried forward).
 */
function consistent(format: FormatDef, random: ReportData): ReportData {
  const summed = computeTotals(format, random);
  const cells = { ...summed.cells };
  const n = (row: string, col: string) => Number(cells[`t3.${row}.${col}`] ?? 0);
  for (const col of [
    'natural_person',
    'commercial',
    'research',
    'social_welfare',
    'legal_services',
    'other_org',
  ]) {
    const due = n('results_total', col) + n('carried_forward', col);
    if (due >= n('carried_over', col)) cells[`t3.new_received.${col}`] = due - n('carried_over', col);
    else {
      cells[`t3.new_received.${col}`] = 0;
      cells[`t3.carried_over.${col}`] = due;
    }
  }
  return computeTotals(format, { ...summed, cells });
}

describe.each([
  [format2019, 2020],
  [format2021, 2024],
] as const)('format %#', (format, year) => {
  it.each(styles)(
    'imports random figures printed as %s',
    (style) => {
      fc.assert(
        fc.property(reportArbitrary(format, year), (report) => {
          const result = importText(printReport(report, style));
          expect(result.data).toMatchObject({
            format: format.id,
            year,
            organisation: { zh: '某某县某某局' },
          });
          expect(result.data.cells).toEqual(report.cells);
          expect(checkImported(result).filter((f) => f.rule === 'X-FMT' || f.rule === 'X-LABEL')).toEqual([]);
        }),
        { numRuns: 25 },
      );
    },
    60_000,
  );
});

describe.each([
  [format2019, 2019],
  [format2021, 2023],
] as const)('format %#, raw pdftotext read column by column', (format, year) => {
  it('takes the figures in order when their rows sum', () => {
    fc.assert(
      fc.property(reportArbitrary(format, year), (random) => {
        const report = consistent(format, random);
        const result = importText(printReport(report, 'columns'));
        expect(result.data.cells).toEqual(report.cells);
        // (The random report has no narrative; only that may be missing.)
        expect(result.unread.filter((u) => !u.message.en.startsWith('no text found'))).toEqual([]);
      }),
      { numRuns: 25 },
    );
  }, 60_000);
});
