/**
 * The rules of checkReport on imported data, limited to what was read: a rule over a cell that the
 * text does not hold would only report the gap (a partial copy of a page), which `unread` already
 * names. The layout findings of the import come first.
 */
import { checkReport, type ReportData } from '@nianbao/schema';
import type { ImportFinding, ImportResult } from './types.ts';

export interface CheckImportOptions {
  previous?: ReportData;
}

export function checkImported(result: ImportResult, options: CheckImportOptions = {}): ImportFinding[] {
  const known = new Set([...result.readCells, ...result.absentCells]);
  const rules: ImportFinding[] = checkReport(result.format, result.data, options)
    .filter((f) => f.cells.every((c) => known.has(c)))
    .map((f) => {
      const line = f.cells.map((c) => result.cellLines[c]).find((l) => l !== undefined);
      return line === undefined ? f : { ...f, line };
    });
  const all = [...result.findings, ...rules];
  return [...all.filter((f) => f.level === 'error'), ...all.filter((f) => f.level !== 'error')];
}
