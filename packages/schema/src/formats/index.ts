import type { FormatDef } from '../types.ts';
import { format2019 } from './2019.ts';
import { format2021 } from './2021.ts';

export { format2019, format2021 };

/** Every official format, newest first. */
export const formats: readonly FormatDef[] = [format2021, format2019];

export function getFormat(id: string): FormatDef {
  const format = formats.find((f) => f.id === id);
  if (!format)
    throw new Error(`Unknown report format "${id}" (known: ${formats.map((f) => f.id).join(', ')})`);
  return format;
}

export function formatAppliesTo(format: FormatDef, year: number): boolean {
  return year >= format.years.from && (format.years.to === undefined || year <= format.years.to);
}

/** The format a report of this year must use, or undefined before 2019 (no national format). */
export function formatForYear(year: number): FormatDef | undefined {
  return formats.find((f) => formatAppliesTo(f, year));
}
