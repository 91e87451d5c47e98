/**
 * A table as rows of fixed height, ready to be placed on pages: the column header (repeated on
 * every page a breakable table continues on), the data rows, and the row-group cells that span
 * several rows. Each paints its own text and lines; every cell draws its right and bottom line,
 * and those on the table's left edge their left line, so a table cut between rows stays closed.
 */
import type { Op } from './ops.ts';

export interface TableRow {
  height: number;
  /** Rows with the same group stay on one page (a block of table 二). */
  group: number;
  paint(ops: Op[], top: number): void;
}

/** A cell spanning rows `first`..`last`: on each page it covers, painted over that page's rows. */
export interface RowSpanCell {
  first: number;
  last: number;
  /** Text height it needs: the rows it spans are made at least this tall. */
  height: number;
  /** Paints the cell's lines over (top, height); its label too when `label`. */
  paint(ops: Op[], top: number, height: number, label: boolean): void;
}

export interface TableLayout {
  header?: { height: number; paint(ops: Op[], top: number): void };
  /** The header repeats at the top of each page the table continues on. */
  repeatHeader: boolean;
  /** The whole table stays on one page. */
  together: boolean;
  rows: TableRow[];
  spans: RowSpanCell[];
  spaceBefore: number;
  spaceAfter: number;
}

/** Segments of a rectangle's sides: right and bottom, and left/top when asked. */
export function boxLines(
  x: number,
  top: number,
  width: number,
  height: number,
  sides: { left?: boolean; top?: boolean } = {},
): number[] {
  const right = x + width;
  const bottom = top + height;
  const s = [right, top, right, bottom, x, bottom, right, bottom];
  if (sides.left) s.push(x, top, x, bottom);
  if (sides.top) s.push(x, top, right, top);
  return s;
}

/**
 * Stretches rows so that each spanning cell gets the height its text needs: the missing height
 * goes to the last row it spans.
 */
export function fitSpans(heights: number[], spans: { first: number; last: number; height: number }[]): void {
  for (const span of spans) {
    let sum = 0;
    for (let r = span.first; r <= span.last; r++) sum += heights[r]!;
    if (sum < span.height) heights[span.last]! += span.height - sum;
  }
}

/** The least of a table that may start a page: its header and first row, or first group of rows. */
export function tableLead(table: TableLayout): number {
  const first = table.rows[0];
  const rows = table.rows.filter((row) => table.together || row.group === first?.group);
  return table.spaceBefore + (table.header?.height ?? 0) + rows.reduce((h, row) => h + row.height, 0);
}
