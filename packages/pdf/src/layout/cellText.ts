/** Label text in a table cell: centred lines, Chinese (or English) with the English beneath. */
import type { ReportLang } from '@nianbao/schema';
import type { Shown } from '../lang.ts';
import { cellPadding, type } from '../officialLayout.ts';
import { emBoxMiddle, type TextStyle } from './faces.ts';
import { breakLines, type Line } from './lineBreak.ts';
import { baselineOffset, type Op } from './ops.ts';

export interface TableType {
  main: TextStyle;
  sub: TextStyle;
  /** Horizontal padding of a cell. */
  padX: number;
  padY: number;
}

/** The type of a table's labels and figures: dense tables (many columns) print smaller. */
export function tableType(lang: ReportLang, dense: boolean): TableType {
  const main = lang === 'en' ? type.tableEnMain : dense ? type.table : type.tableRoomy;
  const sub = dense ? type.tableEnDense : type.tableEn;
  return {
    main: { face: 'serif', size: main.fontSize, lineHeight: main.lineHeight },
    sub: { face: 'serif', size: sub.fontSize, lineHeight: sub.lineHeight },
    padX: dense ? cellPadding.xDense : cellPadding.x,
    padY: cellPadding.y,
  };
}

export interface CellLines {
  main: Line[];
  sub: Line[];
  /** Height of the text, without padding. */
  height: number;
}

/** The label broken into lines for a cell `width` points wide (padding included). */
export function cellLines(shown: Shown, width: number, t: TableType): CellLines {
  const inner = width - 2 * t.padX;
  const main = shown.main
    ? shown.main.split('\n').flatMap((part) => breakLines(part, t.main, inner, { hyphenate: true }))
    : [];
  const sub = shown.sub ? breakLines(shown.sub, t.sub, inner, { hyphenate: true }) : [];
  const height = main.length * t.main.size * t.main.lineHeight + sub.length * t.sub.size * t.sub.lineHeight;
  return { main, sub, height };
}

/** Paints the lines centred in the box (x, top, width, height). */
export function paintCellText(
  ops: Op[],
  lines: CellLines,
  t: TableType,
  x: number,
  top: number,
  width: number,
  height: number,
): void {
  let y = top + (height - lines.height) / 2;
  const put = (list: Line[], style: TextStyle) => {
    for (const line of list) {
      ops.push({
        kind: 'text',
        face: style.face,
        size: style.size,
        x: x + (width - line.width) / 2,
        y: y + baselineOffset(style),
        text: line.text,
      });
      y += style.size * style.lineHeight;
    }
  };
  put(lines.main, t.main);
  put(lines.sub, t.sub);
}

/**
 * Paints a figure centred on one line in the box; a figure wider than the box (a seven-digit count
 * in a column of table 三) is set smaller until it fits, rather than run into its neighbours.
 */
export function paintFigure(
  ops: Op[],
  text: string,
  width: number,
  t: TableType,
  x: number,
  top: number,
  boxWidth: number,
  height: number,
): void {
  const room = boxWidth - 2 * Math.min(t.padX, 1);
  const size = width > room ? (t.main.size * room) / width : t.main.size;
  const shown = Math.min(width, room);
  ops.push({
    kind: 'text',
    face: t.main.face,
    size,
    x: x + (boxWidth - shown) / 2,
    y: top + height / 2 + emBoxMiddle(t.main.face) * size,
    text,
  });
}
