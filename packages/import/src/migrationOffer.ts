/**
 * A report printed in another official layout than its year requires: its figures in the cells of
 * the layout it was printed in, and what carrying them into the year's format loses or merges.
 */
import {
  type CellDef,
  cellIndex,
  cellName,
  type FormatDef,
  type Label,
  leaves,
  type MatrixTable,
  type ReportData,
} from '@nianbao/schema';
import { confirmTable } from './confirm.ts';
import type { Value } from './segments.ts';
import type { ImportMigration, TableReading } from './types.ts';

const rowLabel = (format: FormatDef, row: string): Label | undefined => {
  const table = format.sections.find((s) => s.id === 's3')!.table as MatrixTable;
  return leaves(table.rows!).find((r) => r.id === row)?.label;
};

export interface OfferInput {
  /** The layout the tables were printed in, and the year's format. */
  from: FormatDef;
  to: FormatDef;
  /** The layouts each table was read in (table 二's and 三's may differ). */
  layouts: FormatDef[];
  /** Figures in the printed layout's cell ids. */
  printed: Map<string, Value>;
  /** Year-format cell id → the printed cell id its figure came from (the migration's result). */
  source: Map<string, string>;
  /** The year-format cells kept after the table rules (unconfirmed figures are gone from it). */
  kept: ReportData['cells'];
  /** Printed cells whose figures were placed by position, and of rows whose label came right after another's. */
  byOrder: Set<string>;
  doubtful: Set<string>;
  /** The layout table 三 was printed in, and how its figures were placed. */
  t3: { layout: FormatDef; method: TableReading['method'] } | undefined;
  /** Printed cell ids the year's format has no place for (from `migrateReport`'s `lost`). */
  lostIds: string[];
  /** A printed figure as the value of its cell, or undefined when it is not one. */
  valueOf: (cell: CellDef, value: Value) => ReportData['cells'][string] | undefined;
}

export function migrationOffer(input: OfferInput): ImportMigration {
  const { from, to, printed, source, kept, byOrder, doubtful } = input;
  const indexes = input.layouts.map((f) => cellIndex(f));
  const cellOf = (id: string) => indexes.map((ix) => ix.get(id)).find((c) => c !== undefined);
  const printedCells: ReportData['cells'] = {};
  const lost: ImportMigration['lost'] = [];
  // Figures `data` keeps, in the cells they were printed in.
  for (const [target, id] of source) {
    if (!(target in kept) || !printed.has(id)) continue;
    printedCells[id] = kept[target]!;
  }
  // Figures the year's format has no cell for were never put to its rules: a figure placed by
  // position (or after two labels) is kept only where the rules of its own layout confirm it.
  const lostValues: ReportData['cells'] = {};
  for (const id of input.lostIds) {
    const cell = cellOf(id);
    const value = printed.get(id);
    const v = cell && value && input.valueOf(cell, value);
    if (v !== undefined) lostValues[id] = v;
  }
  const all = { ...printedCells, ...lostValues };
  const unconfirmed = new Set(
    input.t3 ? confirmTable(input.t3.layout, 't3', input.t3.method, all, byOrder, doubtful).unconfirmed : [],
  );
  for (const [id, v] of Object.entries(lostValues)) {
    const value = printed.get(id)!;
    const cell = cellOf(id)!;
    if (unconfirmed.has(id) || (id.startsWith('t2.') && byOrder.has(id))) continue;
    printedCells[id] = v;
    if (v === null || Number(v) === 0) continue;
    lost.push({
      cell: id,
      name: { zh: cellName(cell, 'zh'), en: cellName(cell, 'en') },
      value: String(v),
      line: value.line,
    });
  }
  const merged = new Map<string, ImportMigration['merged'][number]>();
  for (const [target, id] of source) {
    if (target === id || !(target in kept)) continue;
    const row = id.split('.')[1]!;
    const into = target.split('.')[1]!;
    const name = rowLabel(from, row);
    const intoName = rowLabel(to, into);
    if (name && intoName && !merged.has(row))
      merged.set(row, { from: `t3.${row}`, to: `t3.${into}`, name, into: intoName });
  }
  return { from: from.id, to: to.id, printedCells, lost, merged: [...merged.values()] };
}
