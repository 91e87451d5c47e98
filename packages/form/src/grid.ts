/**
 * Each table as a grid of cells in reading order, for what a spreadsheet user expects: arrow keys,
 * Enter and Tab move between cells, and a block pasted from Excel or WPS lands cell for cell.
 * Computed cells keep their place in the grid (a pasted block may include the 总计 column) but are
 * never edited.
 */
import { type CellKind, cellId, cellIndex, type FormatDef, leaves, type TableDef } from '@nianbao/schema';
import { pastedText } from './fields.ts';

interface GridCell {
  id: string;
  kind: CellKind;
  editable: boolean;
}

export interface GridModel {
  table: string;
  rows: GridCell[][];
  at: Map<string, { r: number; c: number }>;
}

const cache = new WeakMap<TableDef, GridModel>();

export function gridModel(format: FormatDef, table: TableDef): GridModel {
  const hit = cache.get(table);
  if (hit) return hit;
  const index = cellIndex(format);
  const cell = (id: string): GridCell => {
    const def = index.get(id)!;
    return { id, kind: def.kind, editable: !def.computed };
  };
  let ids: string[][];
  if (table.type === 'matrix') {
    const cols = leaves(table.columns);
    const rows = table.rows ? leaves(table.rows).map((r) => r.id) : [undefined];
    ids = rows.map((r) => cols.map((c) => cellId(table.id, r, c.id)));
  } else {
    ids = table.blocks.flatMap((b) => b.rows.map((r) => b.columns.map((c) => cellId(table.id, r.id, c.id))));
  }
  const rows = ids.map((row) => row.map(cell));
  const at = new Map<string, { r: number; c: number }>();
  rows.forEach((row, r) => {
    row.forEach((g, c) => {
      at.set(g.id, { r, c });
    });
  });
  const model = { table: table.id, rows, at };
  cache.set(table, model);
  return model;
}

export type Direction = 'up' | 'down' | 'left' | 'right';

/** The editable cell next to `id` in a direction, passing over computed cells; undefined at an edge. */
export function neighbour(model: GridModel, id: string, dir: Direction): string | undefined {
  const pos = model.at.get(id);
  if (!pos) return undefined;
  if (dir === 'left' || dir === 'right') {
    const row = model.rows[pos.r]!;
    const step = dir === 'left' ? -1 : 1;
    for (let c = pos.c + step; c >= 0 && c < row.length; c += step) if (row[c]!.editable) return row[c]!.id;
    return undefined;
  }
  const step = dir === 'up' ? -1 : 1;
  for (let r = pos.r + step; r >= 0 && r < model.rows.length; r += step) {
    const row = model.rows[r]!;
    // Blocks of table 二 differ in width: keep to the nearest column.
    const target = row[Math.min(pos.c, row.length - 1)]!;
    if (target.editable) return target.id;
  }
  return undefined;
}

/** A clipboard text as rows of values: tab-separated columns, one line per row (Excel, WPS, Word). */
export function parseClipboard(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => line.split('\t'));
}

export interface PastePlan {
  writes: { id: string; text: string }[];
  /** Values that were not numbers of the cell's kind, fell on a computed cell, or fell off the table. */
  skipped: number;
  /** Figures pasted onto computed cells (a spreadsheet's 总计): to be checked against their parts. */
  totals: { id: string; text: string }[];
  /** Leading header rows and row-label columns, recognised by their text and left out. */
  dropped: { rows: number; columns: number };
}

/** Whether a pasted value is a figure or a blank (-, /, —) of some kind of cell, not a label. */
function figureOrBlank(raw: string): boolean {
  return pastedText('amount', raw) !== undefined || pastedText('signedCount', raw) !== undefined;
}

/**
 * A block copied with the table's own header rows or row labels («一、本年新收…», «自然人») would
 * shift every figure: leading rows and columns that hold text and no figure are left out.
 */
function withoutLabels(block: string[][]): { block: string[][]; rows: number; columns: number } {
  const isLabel = (raw: string | undefined) => raw !== undefined && !figureOrBlank(raw);
  const isFigure = (raw: string | undefined) => raw !== undefined && raw.trim() !== '' && figureOrBlank(raw);
  let rows = 0;
  while (rows < block.length - 1 && block[rows]!.some(isLabel) && !block[rows]!.some(isFigure)) rows++;
  let body = block.slice(rows);
  let columns = 0;
  const width = Math.max(...body.map((r) => r.length));
  while (
    columns < width - 1 &&
    body.some((r) => isLabel(r[columns])) &&
    body.every((r) => !isFigure(r[columns]))
  ) {
    columns++;
    // A label merged over several columns (三's 「一、本年新收…」 spans three) leaves blanks after it.
    while (columns < width - 1 && body.every((r) => (r[columns] ?? '').trim() === '')) columns++;
  }
  if (columns > 0) body = body.map((r) => r.slice(columns));
  return { block: body, rows, columns };
}

export function pastePlan(model: GridModel, from: string, pasted: string[][]): PastePlan {
  const start = model.at.get(from);
  const { block, rows, columns } = withoutLabels(pasted);
  const plan: PastePlan = { writes: [], skipped: 0, totals: [], dropped: { rows, columns } };
  if (!start) return { ...plan, skipped: block.flat().length };
  block.forEach((values, i) => {
    const row = model.rows[start.r + i];
    values.forEach((raw, j) => {
      const target = row?.[start.c + j];
      // A blank is a blank: written as one on an editable cell, nothing to say elsewhere.
      const blank = raw.trim() === '';
      if (!target) {
        if (!blank) plan.skipped++;
      } else if (!target.editable) {
        // A total is computed; what was pasted onto it is checked once its parts are in.
        const text = blank ? undefined : pastedText(target.kind, raw);
        if (text) plan.totals.push({ id: target.id, text });
        else if (!blank) plan.skipped++;
      } else {
        const text = pastedText(target.kind, raw);
        if (text === undefined) plan.skipped++;
        else plan.writes.push({ id: target.id, text });
      }
    });
  });
  return plan;
}
