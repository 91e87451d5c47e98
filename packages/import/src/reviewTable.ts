/**
 * Table 四 (行政复议、行政诉讼): one row of 15 figures under headers that PDFs often set one
 * character per line. The headers carry no figures, so the figures are those of the lines that hold
 * nothing else; a sentence in the section (「2020 年，…未出现…」) is not a figure line.
 */
import { cellId, type FormatDef, leaves, type MatrixTable } from '@nianbao/schema';
import { type Line, onlyFigures } from './lines.ts';
import type { Value, ValueToken } from './segments.ts';

export interface ReviewRead {
  values: Map<string, Value>;
  /** Figures found when they were not exactly one per cell. */
  mismatch?: { found: number; expected: number; lines: [number, number] };
}

export function readReviewTable(format: FormatDef, lines: Line[]): ReviewRead {
  const table = format.sections.find((s) => s.id === 's4')!.table as MatrixTable;
  const columns = leaves(table.columns);
  const figures: Value[] = lines
    .filter(onlyFigures)
    .flatMap((line) => line.tokens.map((token) => ({ token: token as ValueToken, line: line.no })));
  if (figures.length !== columns.length) {
    return {
      values: new Map(),
      mismatch: {
        found: figures.length,
        expected: columns.length,
        lines: [lines[0]?.no ?? 0, lines[lines.length - 1]?.no ?? 0],
      },
    };
  }
  return { values: new Map(columns.map((c, i) => [cellId(table.id, undefined, c.id), figures[i]!])) };
}
