/**
 * Any figures, printed in each shape that published copies take (web table copied cell by cell or
 * paragraph by paragraph, one row per line, HTML), import back exactly: every label of both
 * formats is found from the definition.
 */
import { type FormatDef, format2019, format2021, formatCells, type ReportData } from '@nianbao/schema';
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

const styles: PrintStyle[] = ['pipes', 'paragraphs', 'rows', 'html'];

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
