import type { Finding, FormatDef, Label, ReportData } from '@nianbao/schema';

/** A finding that only the published layout shows (X-FMT, X-LABEL, blank cells), with where it is. */
export interface ImportFinding extends Finding {
  /** 1-based line of the input where it shows. */
  line?: number;
}

/** Something the importer could not read, so that nobody takes a missing figure for a zero. */
export interface Unread {
  message: Label;
  /** Lines of the input concerned (first, last), when there are any. */
  lines?: [number, number];
  /** Cells left empty because of it. */
  cells?: string[];
}

export interface ImportOptions {
  /** The report year: overrides what the text says (`--year`). */
  year?: number;
  /** The organisation: overrides what the text says (`--org`). */
  organisation?: string;
  /** The file name or address the text came from: a year in it is the last resort for the year. */
  name?: string;
}

/** What shape the input came in. */
export type InputForm = 'text' | 'markdown' | 'html' | 'docx' | 'pdf-raw' | 'pdf-layout';

/** Where a fact about the report came from, so that nobody takes an inference for a statement. */
export interface Provenance<T, S extends string> {
  value: T;
  source: S;
  /** The input line it was read from. */
  line?: number;
  /** The words it was read from. */
  text?: string;
}

export interface ImportProvenance {
  /** option: --year; title; period: 「统计期限为2023年1月1日至12月31日」; narrative: 「2023年，…」; name: the file name. */
  year: Provenance<number, 'option' | 'title' | 'period' | 'narrative' | 'name'>;
  /** option: --org; title; publisher: a portal's 发布机构; closing: the signature; narrative: 「2023年，某局…」. */
  organisation: Provenance<string, 'option' | 'title' | 'publisher' | 'closing' | 'narrative'> & {
    /** The same name spelt a character or two differently elsewhere in the text (an OCR or typing slip). */
    spelledElsewhere?: Omit<ImportProvenance['organisation'], 'spelledElsewhere' | 'text'>[];
  };
  /** The format the year requires, and the layout the tables were printed in when it differs. */
  format: { value: FormatDef['id']; source: 'year'; printed?: FormatDef['id'] };
  form: InputForm;
}

/**
 * How one table's figures were placed, and whether the table rules confirm it. `labels`: each
 * row's figures follow its own printed label; `columns`: table 四's single row, figures in column
 * order — both unambiguous, the rules then check the report. `order`: figures of several rows
 * placed by their position alone (labels elsewhere or missing) — kept only where a rule that holds
 * confirms them, else left empty and listed in `unread`.
 */
export interface TableReading {
  table: 't2' | 't3' | 't4';
  method: 'labels' | 'columns' | 'order';
  /** Rules (R3-ROW, R3-RES, R3-BAL, R4-SUM) that hold on the figures read. */
  confirmedBy: string[];
  /** Rules that fail on them. */
  failedRules: string[];
  /** Figures placed by order that no rule confirmed: left empty. */
  unconfirmed: string[];
}

/**
 * A report printed in another official layout than its year requires (a 2023 report in the 2019
 * layout, or a 2020 one in the 2021 layout; X-FMT). Its figures are read in the cells of the layout
 * they were printed in (`printedCells`); `ImportResult.data` is the offer: those figures carried into
 * the year's format by the schema's own migration (`migrateReport`), which is the only form a report
 * of that year can be saved in. What the migration loses or merges is listed here, so that the user
 * sees it before taking the offer.
 */
export interface ImportMigration {
  /** The layout the tables were printed in. */
  from: FormatDef['id'];
  /** The format the year requires, which `data` holds. */
  to: FormatDef['id'];
  /** Every figure read, in the printed layout's own cell ids (blank cells as null). */
  printedCells: ReportData['cells'];
  /** Printed figures the year's format has no cell for: not in `data` (zeros and blanks are no loss). */
  lost: { cell: string; name: Label; value: string; line: number }[];
  /** Printed rows whose figures go into another row of the year's format (（六）其他处理 → 3.其他). */
  merged: { from: string; to: string; name: Label; into: Label }[];
}

export interface ImportResult {
  /** The report data; accepted by `parseReport(data, { draft: true })`, and by the full schema when every narrative part was found. */
  data: ReportData;
  format: FormatDef;
  /** Which official layout the tables were printed in (may differ from `format`: then X-FMT). */
  layout: { tables2: FormatDef['id'] | undefined; otherHandlingRows: 1 | 3 | undefined };
  findings: ImportFinding[];
  unread: Unread[];
  /** Cell ids whose value was read from the text (blank cells included). */
  readCells: string[];
  /** Cells the printed layout has no place for (the three （六） rows of a one-row layout); they stay empty. */
  absentCells: string[];
  /** The input line each read cell's figure stands on. */
  cellLines: Record<string, number>;
  /** Where year, organisation, format and form came from. */
  provenance: ImportProvenance;
  /** Each table's reading and the rules that confirm it. */
  readings: TableReading[];
  /** Present when the tables were printed in another layout than the year's format (X-FMT). */
  migration?: ImportMigration;
}
