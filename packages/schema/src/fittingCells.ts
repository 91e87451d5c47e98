/**
 * The cells of a report as the report schema would give them back, worked out without zod when
 * every value already fits its cell (as in nearly every save): zod's object and union machinery
 * takes several times longer for the ~200 cells of a report. `undefined` whenever anything is
 * off, so that zod parses the cells and words the issues.
 */
import { formatCells } from './cells.ts';
import type { CellValue, FormatDef } from './types.ts';
import { valueFits } from './values.ts';

export function fittingCells(
  format: FormatDef,
  value: unknown,
): Record<string, CellValue | null> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const input = value as Record<string, unknown>;
  const out: Record<string, CellValue | null> = {};
  let known = 0;
  // In the format's order, as zod's object gives them.
  for (const cell of formatCells(format)) {
    if (!Object.hasOwn(input, cell.id)) continue;
    known++;
    const v = input[cell.id];
    if (v === null) out[cell.id] = null;
    else if (v === undefined || !valueFits(cell.kind, v)) return undefined;
    // The schema keeps an amount given as a number as its decimal string.
    else out[cell.id] = typeof v === 'number' && cell.kind === 'amount' ? String(v) : (v as CellValue);
  }
  // A key that is no cell of the format: zod names it.
  return Object.keys(input).length === known ? out : undefined;
}
