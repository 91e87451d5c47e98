/**
 * Table 二: blocks stacked in one grid, each a full-width caption row, a header row starting with
 * 信息内容, then data rows. A block spreads its columns over the grid with blockColumnSpans, as
 * the official Word table merges them, and stays on one page with its caption.
 */
import { type BlocksTable, blockColumnSpans, cellId } from '@nianbao/schema';
import { contentWidth } from '../officialLayout.ts';
import type { ReportModel } from '../reportModel.ts';
import { blocksWidths, isDense } from '../tableWidths.ts';
import { type CellLines, cellLines, paintCellText, paintFigure, tableType } from './cellText.ts';
import { textWidth } from './faces.ts';
import type { Op } from './ops.ts';
import { boxLines, type TableLayout, type TableRow } from './tableLayout.ts';

const ROW_MIN = 20;

interface LabelCell {
  x: number;
  width: number;
  lines: CellLines;
}

export function blocksTableLayout(table: BlocksTable, model: ReportModel): TableLayout {
  const width = contentWidth;
  const fractions = blocksWidths(table);
  const rowHeaderWidth = fractions.rowHeader * width;
  const gridWidth = fractions.grid * width;
  const t = tableType(model.lang, isDense(table.gridColumns + 1));
  const pad = 2 * t.padY;
  const rows: TableRow[] = [];

  const labelRow = (cells: LabelCell[], group: number, top: boolean): TableRow => {
    const height = Math.max(ROW_MIN, ...cells.map((c) => c.lines.height + pad));
    return {
      height,
      group,
      paint(ops: Op[], y: number) {
        const segments: number[] = [];
        for (const c of cells) {
          paintCellText(ops, c.lines, t, c.x, y, c.width, height);
          segments.push(...boxLines(c.x, y, c.width, height, { left: c.x === 0, top }));
        }
        ops.push({ kind: 'lines', segments });
      },
    };
  };
  const label = (shown: { zh: string; en?: string }, x: number, w: number): LabelCell => ({
    x,
    width: w,
    lines: cellLines(model.show(shown), w, t),
  });

  table.blocks.forEach((block, b) => {
    const widths = blockColumnSpans(table, block.columns.length).map((n) => n * gridWidth);
    const lefts = widths.map((_, i) => rowHeaderWidth + widths.slice(0, i).reduce((a, c) => a + c, 0));
    // Every caption draws the top line: a block may start a page.
    rows.push(labelRow([label(block.caption, 0, width)], b, true));
    rows.push(
      labelRow(
        [
          label(table.rowHeader, 0, rowHeaderWidth),
          ...block.columns.map((column, i) => label(column.label, lefts[i]!, widths[i]!)),
        ],
        b,
        false,
      ),
    );
    for (const row of block.rows) {
      const head = label(row.label, 0, rowHeaderWidth);
      const values = block.columns.map((column) => {
        const text = model.value(cellId(table.id, row.id, column.id));
        return { text, width: textWidth(t.main, text) };
      });
      const height = Math.max(ROW_MIN, head.lines.height + pad);
      rows.push({
        height,
        group: b,
        paint(ops, y) {
          paintCellText(ops, head.lines, t, 0, y, rowHeaderWidth, height);
          const segments = boxLines(0, y, rowHeaderWidth, height, { left: true });
          values.forEach((v, i) => {
            paintFigure(ops, v.text, v.width, t, lefts[i]!, y, widths[i]!, height);
            segments.push(...boxLines(lefts[i]!, y, widths[i]!, height));
          });
          ops.push({ kind: 'lines', segments });
        },
      });
    }
  });
  return { repeatHeader: false, together: false, rows, spans: [], spaceBefore: 0, spaceAfter: 12 };
}
