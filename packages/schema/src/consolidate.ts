/**
 * 汇总: the combined figures of several organisations' reports for one year — every cell summed
 * (amounts as exact decimals, never floats), the organisations included listed, and the result
 * checked by the same rules as any report. The narrative is the consolidating office's own to write.
 */
import { cellIndex, formatCells, narrativeBlocks } from './cells.ts';
import { migrateReport } from './migrate.ts';
import { checkReport, type Finding } from './rules.ts';
import type { CellValue, FormatDef, Label, ReportData } from './types.ts';
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

/**
 * A 汇总 built one report at a time, so that a caller can stream thousands of subordinates'
 * reports from the database without holding them all: `add` each, then `result`.
 */
export class Consolidator {
  readonly included: ReportData['organisation'][] = [];
  readonly skipped: ConsolidationResult['skipped'] = [];
  readonly lost: ConsolidationResult['lost'] = [];
  private readonly counts = new Map<string, number>();
  private readonly amounts = new Map<string, bigint>();
  private readonly index;
  readonly format: FormatDef;
  readonly year: number;

  // No parameter properties: @nianbao/form's consumers compile it under erasableSyntaxOnly.
  constructor(format: FormatDef, year: number) {
    this.format = format;
    this.year = year;
    this.index = cellIndex(format);
  }

  /** Adds a report; returns its cells as they went into the sum (in this format), or null when skipped. */
  add(report: ReportData): ReportData['cells'] | null {
    const year = this.year;
    if (report.year !== year) {
      this.skipped.push({
        organisation: report.organisation,
        reason: {
          zh: `是 ${report.year} 年度的报告，不是 ${year} 年度`,
          en: `is a ${report.year} report, not ${year}`,
        },
      });
      return null;
    }
    // A unit that still reported in the 2019 format is carried into this one as far as it goes.
    const moved =
      report.format === this.format.id ? { data: report, lost: [] } : migrateReport(report, this.format);
    for (const loss of moved.lost) {
      if (!/^t\d/.test(loss.field)) continue;
      this.lost.push({ organisation: report.organisation, cell: loss.field, value: loss.value });
    }
    for (const id in moved.data.cells) {
      const value = moved.data.cells[id];
      const cell = this.index.get(id);
      if (!cell || value === null || value === undefined || value === '') continue;
      if (cell.kind === 'amount') this.amounts.set(id, (this.amounts.get(id) ?? 0n) + amountUnits(value));
      else this.counts.set(id, (this.counts.get(id) ?? 0) + countOf(value));
    }
    this.included.push(report.organisation);
    return moved.data.cells;
  }

  /** One cell's sum so far (null: no report added has a figure there). */
  total(id: string): CellValue | null {
    if (this.index.get(id)?.kind === 'amount') {
      const units = this.amounts.get(id);
      return units === undefined ? null : unitsToAmount(units);
    }
    return this.counts.get(id) ?? null;
  }

  result(organisation: ReportData['organisation']): ConsolidationResult {
    const cells: ReportData['cells'] = {};
    for (const cell of formatCells(this.format)) cells[cell.id] = this.total(cell.id);
    const narrative: ReportData['narrative'] = {};
    for (const block of narrativeBlocks(this.format)) if (block.required) narrative[block.id] = { zh: '' };
    const data: ReportData = { format: this.format.id, year: this.year, organisation, narrative, cells };
    return {
      data,
      included: this.included,
      skipped: this.skipped,
      lost: this.lost,
      findings: checkReport(this.format, data),
    };
  }
}

export function consolidateReports(
  format: FormatDef,
  reports: ReportData[],
  options: ConsolidateOptions,
): ConsolidationResult {
  const year = options.year ?? reports[0]?.year;
  if (year === undefined) throw new Error('consolidateReports: no reports and no year given');
  const sum = new Consolidator(format, year);
  for (const report of reports) sum.add(report);
  return sum.result(options.organisation);
}
