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
  /** The report year, when the text does not state it (a fragment without its title). */
  year?: number;
  /** The organisation, when the text does not name it. */
  organisation?: string;
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
}
