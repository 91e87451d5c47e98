import { type CellDef, cellIndex, formatCells } from './cells.ts';
import type { CellValue, FormatDef, ReportData } from './types.ts';
import { countOf } from './values.ts';

const orderCache = new WeakMap<FormatDef, CellDef[]>();

/** The computed cells of a format (the 总计 column, （七）总计, table 四's 总计), in an order that sums parts first. */
function computedInOrder(format: FormatDef): CellDef[] {
  const cached = orderCache.get(format);
  if (cached) return cached;
  const index = cellIndex(format);
  const done = new Set<string>();
  const order: CellDef[] = [];
  const visit = (cell: CellDef) => {
    if (done.has(cell.id) || !cell.computed) return;
    done.add(cell.id);
    for (const part of cell.computed.parts) visit(index.get(part)!);
    order.push(cell);
  };
  for (const cell of formatCells(format)) visit(cell);
  orderCache.set(format, order);
  return order;
}

/** The sum that a computed cell should hold, from the values in `cells`. */
export function sumOfParts(cell: CellDef, cells: Record<string, CellValue | null | undefined>): number {
  return cell.computed!.parts.reduce((sum, part) => sum + countOf(cells[part]), 0);
}

/**
 * The cells copied key by key, in their order: V8 spreads an object of ~200 keys (a report's cells)
 * several times slower.
 */
function copyCells(cells: ReportData['cells']): ReportData['cells'] {
  const copy: ReportData['cells'] = {};
  for (const id of Object.keys(cells)) {
    // An own `__proto__` key stays an own key only when spread.
    if (id === '__proto__') return { ...cells };
    copy[id] = cells[id] as CellValue | null;
  }
  return copy;
}

/** Fills every computed cell of `cells` from its parts, in place. */
export function fillTotals(format: FormatDef, cells: ReportData['cells']): void {
  for (const cell of computedInOrder(format)) cells[cell.id] = sumOfParts(cell, cells);
}

/** Fills every computed cell from its parts; returns new data, the input is left as it was. */
export function computeTotals(format: FormatDef, data: ReportData): ReportData {
  const cells = copyCells(data.cells);
  fillTotals(format, cells);
  return { ...data, cells };
}
