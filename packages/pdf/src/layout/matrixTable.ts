/**
 * Tables 三 and 四 from their header trees (spans from the schema's matrixLayout): the corner
 * cell, the column header, and rows whose label cells reach from their level in the row tree to
 * the figures; a row group's label spans its rows.
 */
import { cellId, leaves, type MatrixTable, matrixLayout } from '@nianbao/schema';
import { contentWidth } from '../officialLayout.ts';
import type { ReportModel } from '../reportModel.ts';
import { isDense, matrixWidths } from '../tableWidths.ts';
import { cellLines, paintCellText, paintFigure, tableType } from './cellText.ts';
import { textWidth } from './faces.ts';
import { boxLines, fitSpans, type RowSpanCell, type TableLayout, type TableRow } from './tableLayout.ts';

/** Minimum height of a data row, so that rows of one-line labels keep an even rhythm. */
const ROW_MIN = 15;

const sum = (values: number[], end = values.length) => values.slice(0, end).reduce((a, b) => a + b, 0);

export function matrixTableLayout(table: MatrixTable, model: ReportModel): TableLayout {
  const layout = matrixLayout(table);
  const fractions = matrixWidths(table);
  const labelWidths = fractions.labels.map((f) => f * contentWidth);
  const valueWidth = fractions.value * contentWidth;
  const labelsWidth = sum(labelWidths);
  const t = tableType(model.lang, isDense(layout.labelColumns + layout.columnLeaves.length));
  const leafIndex = new Map(layout.columnLeaves.map((leaf, i) => [leaf.id, i]));
  const valueX = (i: number) => labelsWidth + i * valueWidth;

  // Column header: the corner over the label columns, then the header trees' cells.
  const headerCells = layout.header.flatMap((row, r) =>
    row.map((c) => {
      const first = leafIndex.get(leaves([c.node])[0]!.id)!;
      const x = valueX(first);
      const width = c.colSpan * valueWidth;
      return { row: r, span: c.rowSpan, x, width, lines: cellLines(model.show(c.node.label), width, t) };
    }),
  );
  // Reading order: the header trees depth first (a group, then its first child).
  headerCells.sort((a, b) => a.x - b.x || a.row - b.row);
  if (layout.labelColumns > 0) {
    const shown = table.corner ? model.show(table.corner) : { main: '' };
    headerCells.unshift({
      row: 0,
      span: layout.headerRows,
      x: 0,
      width: labelsWidth,
      lines: cellLines(shown, labelsWidth, t),
    });
  }
  const headerHeights = Array.from({ length: layout.headerRows }, (_, r) =>
    Math.max(
      ROW_MIN,
      ...headerCells.filter((c) => c.row === r && c.span === 1).map((c) => c.lines.height + 2 * t.padY),
    ),
  );
  fitSpans(
    headerHeights,
    headerCells
      .filter((c) => c.span > 1)
      .map((c) => ({ first: c.row, last: c.row + c.span - 1, height: c.lines.height + 2 * t.padY })),
  );
  const headerTops = headerHeights.map((_, r) => sum(headerHeights, r));
  const header = {
    height: sum(headerHeights),
    paint(ops: import('./ops.ts').Op[], top: number) {
      const segments: number[] = [];
      for (const c of headerCells) {
        const y = top + headerTops[c.row]!;
        const h = sum(headerHeights.slice(c.row, c.row + c.span));
        paintCellText(ops, c.lines, t, c.x, y, c.width, h);
        segments.push(...boxLines(c.x, y, c.width, h, { left: c.x === 0, top: c.row === 0 }));
      }
      ops.push({ kind: 'lines', segments });
    },
  };

  const figures = (rowId: string | undefined) =>
    layout.columnLeaves.map((column) => {
      const text = model.value(cellId(table.id, rowId, column.id));
      return { text, width: textWidth(t.main, text) };
    });

  if (layout.labelColumns === 0) {
    // One data row (table 四): the whole table stays on one page.
    const values = figures(undefined);
    const height = ROW_MIN + 4;
    const row: TableRow = {
      height,
      group: 0,
      paint(ops, top) {
        const segments: number[] = [];
        values.forEach((v, i) => {
          paintFigure(ops, v.text, v.width, t, valueX(i), top, valueWidth, height);
          segments.push(...boxLines(valueX(i), top, valueWidth, height, { left: i === 0 }));
        });
        ops.push({ kind: 'lines', segments });
      },
    };
    return {
      header,
      repeatHeader: false,
      together: true,
      rows: [row],
      spans: [],
      spaceBefore: 6,
      spaceAfter: 12,
    };
  }

  // Body: each leaf row's label reaches from its level to the figures; groups span their rows.
  const spans: (RowSpanCell & { x: number })[] = [];
  const rowCells = layout.rowLeaves.map((leaf, r) => {
    const starts = layout.body[r]!;
    const own = starts[starts.length - 1]!;
    for (const c of starts.slice(0, -1)) {
      const x = sum(labelWidths, c.level);
      const width = labelWidths[c.level]!;
      const lines = cellLines(model.show(c.node.label), width, t);
      spans.push({
        first: r,
        last: r + c.rowSpan - 1,
        x,
        height: lines.height + 2 * t.padY,
        paint(ops, top, height, label) {
          if (label) paintCellText(ops, lines, t, x, top, width, height);
          ops.push({ kind: 'lines', segments: boxLines(x, top, width, height, { left: x === 0 }) });
        },
      });
    }
    const x = sum(labelWidths, own.level);
    const width = labelsWidth - x;
    return { leaf, x, width, lines: cellLines(model.show(leaf.label), width, t) };
  });
  const heights = rowCells.map((c) => Math.max(ROW_MIN, c.lines.height + 2 * t.padY));
  fitSpans(heights, spans);
  const rows: TableRow[] = rowCells.map((c, r) => {
    const values = figures(c.leaf.id);
    const height = heights[r]!;
    return {
      height,
      group: r,
      paint(ops, top) {
        paintCellText(ops, c.lines, t, c.x, top, c.width, height);
        const segments = boxLines(c.x, top, c.width, height, { left: c.x === 0 });
        values.forEach((v, i) => {
          paintFigure(ops, v.text, v.width, t, valueX(i), top, valueWidth, height);
          segments.push(...boxLines(valueX(i), top, valueWidth, height));
        });
        ops.push({ kind: 'lines', segments });
      },
    };
  });
  return { header, repeatHeader: true, together: false, rows, spans, spaceBefore: 0, spaceAfter: 12 };
}
