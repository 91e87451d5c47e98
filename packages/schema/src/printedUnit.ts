/**
 * The unit printed with an amount. Amounts are stored in 万元; when the official column label
 * names no unit (2019 采购总金额), the unit must appear with the value so the figure is not read
 * as yuan (docs/formats.md §4.1).
 */
import type { CellKind, Label } from './types.ts';

export const AMOUNT_UNIT: Label = { zh: '万元', en: '10,000 yuan' };

/** The unit to print after a value in this column, or undefined when the label already states it. */
export function printedUnit(kind: CellKind, columnLabel: Label): Label | undefined {
  if (kind !== 'amount') return undefined;
  return columnLabel.zh.includes(AMOUNT_UNIT.zh) ? undefined : AMOUNT_UNIT;
}
