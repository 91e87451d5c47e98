/**
 * 汇总: the combined figures of several organisations' reports for one year — every cell summed
 * (amounts as exact decimals, never floats), the organisations included listed, and the result
 * checked by the same rules as any report. The narrative is the consolidating office's own to write.
 */
import { cellIndex, formatCells, narrativeBlocks } from './cells.ts';
import { migrateReport } from './migrate.ts';
import { checkReport, type Finding } from './rules.ts';
import type { FormatDef, Label, ReportData } from './types.ts';
import { amountUnits, countOf } from './values.ts';

export interface ConsolidateOptions {
  /** The consolidating organisation (e.g. the county government), named in the result. */
  organisation: ReportData['organisation'];
  /** The year; defaults to the first report's. */
  year?: number;
}

export interface ConsolidationResult {
  data: ReportData;
  /** Organisations whose figures are in the sum, in the order given. */
  included: ReportData['organisation'][];
  /** Reports left out, and why (another year; figures that the format cannot hold are listed in `lost`). */
  skipped: { organisation: ReportData['organisation']; reason: Label }[];
  /** Figures of older-format reports that have no cell in this format (they are not in the sum). */
  lost: { organisation: ReportData['organisation']; cell: string; value: string }[];
  /** The rules of the format on the summed figures. */
  findings: Finding[];
}

/** 万元 units (0.0001) back to a decimal string with no trailing zeros: 12.3500 → "12.35". */
function unitsToAmount(units: bigint): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const whole = abs / 10000n;
  const frac = (abs % 10000n).toString().padStart(4, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

export function consolidateReports(
  format: FormatDef,
  reports: ReportData[],
  options: ConsolidateOptions,
): ConsolidationResult {
  const year = options.year ?? reports[0]?.year;
  if (year === undefined) throw new Error('consolidateReports: no reports and no year given');
  const included: ReportData['organisation'][] = [];
  const skipped: ConsolidationResult['skipped'] = [];
  const lost: ConsolidationResult['lost'] = [];
  const counts = new Map<string, number>();
  const amounts = new Map<string, bigint>();
  const seen = new Set<string>();
  const index = cellIndex(format);

  for (const report of reports) {
    if (report.year !== year) {
      skipped.push({
        organisation: report.organisation,
        reason: {
          zh: `是 ${report.year} 年度的报告，不是 ${year} 年度`,
          en: `is a ${report.year} report, not ${year}`,
        },
      });
      continue;
    }
    // A unit that still reported in the 2019 format is carried into this one as far as it goes.
    const moved = report.format === format.id ? { data: report, lost: [] } : migrateReport(report, format);
    for (const loss of moved.lost) {
      if (!/^t\d/.test(loss.field)) continue;
      lost.push({ organisation: report.organisation, cell: loss.field, value: loss.value });
    }
    for (const [id, value] of Object.entries(moved.data.cells)) {
      const cell = index.get(id);
      if (!cell || value === null || value === undefined || value === '') continue;
      seen.add(id);
      if (cell.kind === 'amount') amounts.set(id, (amounts.get(id) ?? 0n) + amountUnits(value));
      else counts.set(id, (counts.get(id) ?? 0) + countOf(value));
    }
    included.push(report.organisation);
  }

  const cells: ReportData['cells'] = {};
  for (const cell of formatCells(format)) {
    if (!seen.has(cell.id)) cells[cell.id] = null;
    else if (cell.kind === 'amount') cells[cell.id] = unitsToAmount(amounts.get(cell.id)!);
    else cells[cell.id] = counts.get(cell.id)!;
  }
  const narrative: ReportData['narrative'] = {};
  for (const block of narrativeBlocks(format)) if (block.required) narrative[block.id] = { zh: '' };
  const data: ReportData = { format: format.id, year, organisation: options.organisation, narrative, cells };
  return { data, included, skipped, lost, findings: checkReport(format, data) };
}
