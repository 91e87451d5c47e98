import { cellId, cellIndex, findTable, leaves, narrativeBlocks } from './cells.ts';
import { formatForYear, getFormat } from './formats/index.ts';
import type { MatrixTable, ReportData } from './types.ts';

export interface NewReportInput {
  organisation: ReportData['organisation'];
  year: number;
}

/**
 * A blank report for a year in the format the year requires, with what carries over from the
 * previous year's report already filled in: 二、上年结转 from its 四、结转下年度继续办理 (X-CARRY) and
 * 现行有效件数 as the stock this year starts from (R2-STOCK).
 */
export function newReport(input: NewReportInput, previous?: ReportData): ReportData {
  const format = formatForYear(input.year);
  if (!format) throw new Error(`No national format applies to ${input.year} (formats exist from 2019)`);
  const narrative: ReportData['narrative'] = {};
  for (const block of narrativeBlocks(format)) if (block.required) narrative[block.id] = { zh: '' };
  const cells: ReportData['cells'] = {};
  if (previous) {
    const previousCells = cellIndex(getFormat(previous.format));
    for (const rule of format.rules) {
      if (rule.type === 'carry') {
        const table = findTable(format, rule.table) as MatrixTable;
        for (const col of leaves(table.columns)) {
          const from = cellId(table.id, rule.fromRow, col.id);
          if (previousCells.has(from)) cells[cellId(table.id, rule.row, col.id)] = previous.cells[from] ?? 0;
        }
      } else if (rule.type === 'stock') {
        for (const row of rule.rows) {
          const id = cellId(rule.table, row, rule.stock);
          if (previousCells.has(id)) cells[id] = previous.cells[id] ?? 0;
        }
      }
    }
  }
  return { format: format.id, year: input.year, organisation: input.organisation, narrative, cells };
}
