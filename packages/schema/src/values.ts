/**
 * Cell values: counts are integers, amounts decimal strings in 万元 with at most 4 decimals. Amounts
 * are compared as scaled integers, never as floats.
 */
import type { CellKind, CellValue } from './types.ts';

export const AMOUNT_PATTERN = /^\d{1,12}(\.\d{1,4})?$/;

/** A count cell's value; an empty cell counts as 0. */
export function countOf(value: CellValue | null | undefined): number {
  if (value === null || value === undefined || value === '') return 0;
  return typeof value === 'number' ? value : Number(value);
}

/** An amount in units of 0.0001 万元, as a bigint; an empty cell counts as 0. */
export function amountUnits(value: CellValue | null | undefined): bigint {
  if (value === null || value === undefined || value === '') return 0n;
  const [int, frac = ''] = String(value).split('.');
  return BigInt(int!) * 10000n + BigInt(frac.padEnd(4, '0'));
}

/** Whether a value is allowed in a cell of this kind (an empty cell is allowed: it counts as 0). */
export function valueFits(kind: CellKind, value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (kind === 'amount')
    return typeof value === 'string' ? AMOUNT_PATTERN.test(value) : isAmountNumber(value);
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) return false;
  return kind === 'signedCount' || value >= 0;
}

function isAmountNumber(value: unknown): boolean {
  return (
    typeof value === 'number' && Number.isFinite(value) && value >= 0 && AMOUNT_PATTERN.test(String(value))
  );
}

/** The printed form of a cell: an explicit 0 for an empty cell, amounts as entered. */
export function displayValue(value: CellValue | null | undefined): string {
  return value === null || value === undefined || value === '' ? '0' : String(value);
}
