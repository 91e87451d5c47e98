/**
 * Tables 二, 三 and 四 as Word tables with real merged cells: the spans come from the schema's
 * matrixLayout and blockColumnSpans (as the PDF's and the HTML's do), the column widths from
 * tableWidths.ts. docx writes a rowSpan as a w:vMerge restart cell and a continue cell in each row
 * below it, a colSpan as w:gridSpan. Table 三's header rows repeat on every page it runs over
 * (w:tblHeader); no row splits across pages (w:cantSplit); a block of table 二 and the whole of
 * table 四 keep together with what follows them (keepNext), as the PDF keeps them on one page.
 */
import { type BlocksTable, blockColumnSpans, cellId, type MatrixTable, matrixLayout } from '@nianbao/schema';
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { Shown } from '../lang.ts';
import { border, cellPadding, type } from '../officialLayout.ts';
import type { ReportModel } from '../reportModel.ts';
import { blocksWidths, isDense, matrixWidths } from '../tableWidths.ts';
import { fonts, geometry, halfPoints, twip } from './docxType.ts';

interface CellType {
  /** The paragraph style of the table's text (tableStyles). */
  style: string;
  sub: number;
  padX: number;
}

function cellType(dense: boolean): CellType {
  return {
    style: dense ? 'TableDense' : 'TableRoomy',
    sub: (dense ? type.tableEnDense : type.tableEn).fontSize,
    padX: dense ? cellPadding.xDense : cellPadding.x,
  };
}

/**
 * The paragraph styles of table text, 宋体 centred on single lines without the body's indent: dense
 * tables (三, 四) and roomy ones (二), as in the PDF. Held in styles rather than on each of the
 * hundreds of cells, which keeps the document small and quick to write.
 */
export function tableStyles(model: ReportModel) {
  const style = (id: string, size: number) => ({
    id,
    name: id === 'TableDense' ? 'Table Text Dense' : 'Table Text',
    basedOn: 'Normal',
    quickFormat: true,
    run: { font: fonts.table, size: halfPoints(size) },
    paragraph: {
      alignment: AlignmentType.CENTER,
      indent: { firstLine: 0, firstLineChars: 0 },
      spacing: { before: 0, after: 0, line: 240, lineRule: 'auto' as const },
      keepLines: true,
    },
  });
  const en = model.lang === 'en';
  return [
    style('TableDense', (en ? type.tableEnMain : type.table).fontSize),
    style('TableRoomy', (en ? type.tableEnMain : type.tableRoomy).fontSize),
  ];
}

const line = { style: BorderStyle.SINGLE, size: Math.round(border.width * 8), color: '000000' };
const borders = {
  top: line,
  bottom: line,
  left: line,
  right: line,
  insideHorizontal: line,
  insideVertical: line,
};
const EN = { value: 'en-US' };
const HAN = /\p{Script=Han}/u;

/** Paragraphs of a centred label: the Chinese (or English) lines, the English beneath in bilingual mode. */
function labelParagraphs(shown: Shown, t: CellType, keepNext: boolean): Paragraph[] {
  const parts = shown.main.split('\n');
  const mainRuns = parts.map(
    (text, i) =>
      new TextRun({ text, ...(i > 0 ? { break: 1 } : {}), ...(HAN.test(text) ? {} : { language: EN }) }),
  );
  const paragraphs = [mainRuns];
  if (shown.sub) paragraphs.push([new TextRun({ text: shown.sub, size: halfPoints(t.sub), language: EN })]);
  return paragraphs.map(
    (children) => new Paragraph({ style: t.style, children, ...(keepNext ? { keepNext } : {}) }),
  );
}

interface CellSpec {
  shown: Shown;
  rowSpan?: number;
  colSpan?: number;
}

function cell(spec: CellSpec, t: CellType, keepNext: boolean): TableCell {
  return new TableCell({
    children: labelParagraphs(spec.shown, t, keepNext),
    rowSpan: spec.rowSpan && spec.rowSpan > 1 ? spec.rowSpan : undefined,
    columnSpan: spec.colSpan && spec.colSpan > 1 ? spec.colSpan : undefined,
    verticalAlign: VerticalAlignTable.CENTER,
  });
}

function row(cells: TableCell[], options: { header?: boolean } = {}): TableRow {
  return new TableRow({ children: cells, cantSplit: true, ...(options.header ? { tableHeader: true } : {}) });
}

/** Column widths in twips from fractions of the text block; the last takes the rounding. */
function columnWidths(fractions: number[]): number[] {
  const widths = fractions.map((f) => Math.round(f * geometry.content));
  widths[widths.length - 1]! += geometry.content - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function table(rows: TableRow[], widths: number[], t: CellType): Table {
  return new Table({
    rows,
    margins: {
      left: twip(t.padX),
      right: twip(t.padX),
      top: twip(cellPadding.y),
      bottom: twip(cellPadding.y),
    },
    columnWidths: widths,
    width: { size: geometry.content, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders,
  });
}

export function matrixDocxTable(definition: MatrixTable, model: ReportModel): Table {
  const layout = matrixLayout(definition);
  const fractions = matrixWidths(definition);
  const t = cellType(isDense(layout.labelColumns + layout.columnLeaves.length));
  // Table 四 (one data row) stays on one page: every paragraph keeps with the next.
  const together = layout.labelColumns === 0;
  const rows: TableRow[] = layout.header.map((headerRow, r) => {
    const cells = headerRow.map((c) =>
      cell({ shown: model.show(c.node.label), rowSpan: c.rowSpan, colSpan: c.colSpan }, t, together),
    );
    if (r === 0 && layout.labelColumns > 0) {
      const corner = definition.corner ? model.show(definition.corner) : { main: '' };
      cells.unshift(
        cell({ shown: corner, rowSpan: layout.headerRows, colSpan: layout.labelColumns }, t, together),
      );
    }
    return row(cells, { header: !together });
  });
  const rowIds = layout.rowLeaves.length ? layout.rowLeaves.map((n) => n.id) : [undefined];
  rowIds.forEach((rowId, r) => {
    const heads = (layout.body[r] ?? []).map((c) =>
      cell({ shown: model.show(c.node.label), rowSpan: c.rowSpan, colSpan: c.colSpan }, t, false),
    );
    const values = layout.columnLeaves.map((column) =>
      cell({ shown: { main: model.value(cellId(definition.id, rowId, column.id)) } }, t, false),
    );
    rows.push(row([...heads, ...values]));
  });
  return table(
    rows,
    columnWidths([...fractions.labels, ...layout.columnLeaves.map(() => fractions.value)]),
    t,
  );
}

export function blocksDocxTable(definition: BlocksTable, model: ReportModel): Table {
  const fractions = blocksWidths(definition);
  const all = definition.gridColumns + 1;
  const t = cellType(isDense(all));
  const rows: TableRow[] = [];
  for (const block of definition.blocks) {
    const spans = blockColumnSpans(definition, block.columns.length);
    const last = block.rows.length - 1;
    rows.push(row([cell({ shown: model.show(block.caption), colSpan: all }, t, true)]));
    rows.push(
      row([
        cell({ shown: model.show(definition.rowHeader) }, t, true),
        ...block.columns.map((c, i) => cell({ shown: model.show(c.label), colSpan: spans[i] }, t, true)),
      ]),
    );
    block.rows.forEach((r, i) => {
      const values = block.columns.map((c, j) =>
        cell(
          { shown: { main: model.value(cellId(definition.id, r.id, c.id)) }, colSpan: spans[j] },
          t,
          i < last,
        ),
      );
      rows.push(row([cell({ shown: model.show(r.label) }, t, i < last), ...values]));
    });
  }
  return table(
    rows,
    columnWidths([
      fractions.rowHeader,
      ...Array.from({ length: definition.gridColumns }, () => fractions.grid),
    ]),
    t,
  );
}
