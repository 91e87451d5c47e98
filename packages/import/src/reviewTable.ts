/**
 * Table 四 (行政复议、行政诉讼): one row of 15 figures under headers that PDFs often set one
 * character per line. The headers carry no figures, so the figures are those of the lines that hold
 * nothing else; a sentence in the section (「2020 年，…未出现…」) is not a figure line.
 */
import { cellId, type FormatDef, type HeaderNode, leaves, type MatrixTable } from '@nianbao/schema';
import { type Line, onlyFigures } from './lines.ts';
import { normaliseLabel } from './normalise.ts';
import { orderByTotals } from './reviewOrders.ts';
import type { Value, ValueToken } from './segments.ts';

export interface ReviewRead {
  values: Map<string, Value>;
  /** Figures found when they were not exactly one per cell, or not together after the headers (`apart`). */
  mismatch?: {
    found: number;
    expected: number;
    lines: [number, number];
    apart: boolean;
    /** Apart: no other order keeps R4-SUM (`none`), or several with different values do. */
    orders?: 'none' | 'several';
  };
  /** The figures were apart and placed in the one order that R4-SUM confirms (reviewOrders.ts). */
  reordered?: 'R4-SUM';
}

export function readReviewTable(format: FormatDef, lines: Line[]): ReviewRead {
  const table = format.sections.find((s) => s.id === 's4')!.table as MatrixTable;
  const columns = leaves(table.columns);
  const figures: Value[] = lines
    .filter(onlyFigures)
    .flatMap((line) => line.tokens.map((token) => ({ token: token as ValueToken, line: line.no })));
  // The figures are placed by their order alone, so they must stand after the headers and
  // together: a header word or two between (raw pdftotext puts a 「总计」 there), or headers
  // between whole groups of columns (a converter's one small table per group). A figure line before
  // or among the headers, or among other text, may be any cell's.
  const headerChars = new Set<string>();
  const boundaries = new Set<number>();
  let leavesSoFar = 0;
  const walk = (nodes: HeaderNode[]) => {
    for (const n of nodes) {
      for (const ch of normaliseLabel(n.label.zh)) headerChars.add(ch);
      if (n.children) walk(n.children);
      else leavesSoFar++;
      if (n.children?.every((c) => !c.children)) boundaries.add(leavesSoFar);
    }
  };
  walk(table.columns);
  const isHeader = (line: Line) =>
    line.tokens.length > 0 &&
    line.tokens.every(
      (t) =>
        t.type === 'text' &&
        [...normaliseLabel(t.text).replace(/[()（）]/g, '')].every((ch) => headerChars.has(ch)),
    );
  const figureLines = lines.filter(onlyFigures);
  const firstHeader = lines.findIndex(isHeader);
  const from = lines.indexOf(figureLines[0]!);
  const to = lines.indexOf(figureLines[figureLines.length - 1]!);
  const cuts: number[] = [];
  let count = 0;
  for (const line of lines.slice(from, to + 1)) {
    if (onlyFigures(line)) count += line.tokens.length;
    else if (line.tokens.length > 0) cuts.push(count);
  }
  const between = lines.slice(from, to + 1).filter((line) => line.tokens.length > 0 && !onlyFigures(line));
  const apart =
    from < firstHeader ||
    !between.every(isHeader) ||
    (between.length > 2 && !cuts.every((c) => boundaries.has(c)));
  const ids = columns.map((c) => cellId(table.id, undefined, c.id));
  const ordered =
    figures.length === columns.length && apart ? orderByTotals(format, ids, figures) : undefined;
  if (ordered?.values) return { values: ordered.values, reordered: ordered.confirmedBy };
  if (figures.length !== columns.length || apart) {
    return {
      values: new Map(),
      mismatch: {
        found: figures.length,
        expected: columns.length,
        apart,
        ...(ordered && { orders: ordered.found }),
        lines: [lines[0]?.no ?? 0, lines[lines.length - 1]?.no ?? 0],
      },
    };
  }
  return { values: new Map(ids.map((id, i) => [id, figures[i]!])) };
}
