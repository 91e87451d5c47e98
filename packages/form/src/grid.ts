/**
 * Each table as a grid of cells in reading order, for what a spreadsheet user expects: arrow keys,
 * Enter and Tab move between cells, and a block pasted from Excel or WPS lands cell for cell.
 * Computed cells keep their place in the grid (a pasted block may include the 总计 column) but are
 * never edited.
 */
import { type CellKind, cellId, cellIndex, type FormatDef, leaves, type TableDef } from '@nianbao/schema';
import { pastedText } from './fields.ts';

export interface GridCell {
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
}

export function pastePlan(model: GridModel, from: string, block: string[][]): PastePlan {
  const start = model.at.get(from);
  const writes: PastePlan['writes'] = [];
  let skipped = 0;
  if (!start) return { writes, skipped: block.flat().length };
  block.forEach((values, i) => {
    const row = model.rows[start.r + i];
    values.forEach((raw, j) => {
      const target = row?.[start.c + j];
      const text = target?.editable ? pastedText(target.kind, raw) : undefined;
      // A computed cell that receives its own total is not worth a warning.
      if (target && !target.editable && raw.trim() !== '') return;
      if (text === undefined || !target) skipped++;
      else writes.push({ id: target.id, text });
    });
  });
  return { writes, skipped };
}
