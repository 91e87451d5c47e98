/** A text in Chinese (official wording) and English (the project's glossary term). */
export interface Label {
  zh: string;
  en: string;
}

/**
 * What a cell may hold.
 * - count: integer ≥ 0
 * - signedCount: integer, may be negative (2019 本年增/减)
 * - amount: decimal string ≥ 0 with at most 4 decimals (万元 unless the label says otherwise)
 */
export type CellKind = 'count' | 'signedCount' | 'amount';

export type RuleLevel = 'error' | 'warning';

/**
 * A node of a header tree. A group spans all its leaves, so every rowSpan/colSpan of a table is
 * derived from the tree and never written by hand.
 */
export interface HeaderNode {
  id: string;
  label: Label;
  children?: HeaderNode[];
  /**
   * A computed total: the sum of every leaf under its sibling nodes. The rule that checks it is
   * named here (R3-ROW, R3-RES, R4-SUM).
   */
  total?: { rule: string };
}

/** Table 三 and 四: every leaf row × every leaf column is a cell `<table>.<row>.<column>`. */
export interface MatrixTable {
  type: 'matrix';
  id: string;
  /** The note in the top-left corner above the row labels (table 三). */
  corner?: Label;
  columns: HeaderNode[];
  /** Absent for a table with one unlabelled data row (table 四): its cells are `<table>.<column>`. */
  rows?: HeaderNode[];
  cellKind: CellKind;
  /** The rule id reported for a cell whose value its kind does not allow. */
  kindRule: string;
  /** Rows that every real report fills (0 where there were none): left blank, they are a finding. */
  everyReportFills?: string[];
}

export interface BlockColumn {
  id: string;
  label: Label;
  kind: CellKind;
}

/** One block of table 二: a caption row, a header row, then data rows. */
export interface TableBlock {
  id: string;
  caption: Label;
  columns: BlockColumn[];
  rows: { id: string; label: Label }[];
}

/** Table 二: stacked blocks in one grid; the cells are `<table>.<row>.<column>`. */
export interface BlocksTable {
  type: 'blocks';
  id: string;
  /** Header of the first column of every block (信息内容). */
  rowHeader: Label;
  /** Value grid columns of the official Word table; each block spreads its columns over them. */
  gridColumns: number;
  blocks: TableBlock[];
  kindRule: string;
}

export type TableDef = MatrixTable | BlocksTable;

export interface NarrativeBlock {
  /** Stable id, unique in the format, e.g. `s1.active_disclosure`. */
  id: string;
  label: Label;
  /** Printed as a （一） sub-heading before the text. */
  heading: boolean;
  required: boolean;
  /** What the block should say, shown as help in the form. */
  hint?: Label;
  /** The standard sentences that `draftNarrative` writes into this block from the tables. */
  drafts?: DraftPart[];
  /**
   * Where an optional block stands outside the section's sub-parts (docs/formats.md §2):
   * `opening` is printed after the title, before the section's heading (「本报告由…编制…」);
   * `lead` is the paragraph after the section's heading, before its （一） sub-headings.
   */
  role?: 'opening' | 'lead';
}

/**
 * 规章/规范性文件 (table 二), 依申请公开 (table 三), 行政复议/行政诉讼 (table 四), and the
 * standard opening (from the organisation's record and the format's basis).
 */
export type DraftPart = 'documents' | 'applications' | 'reviews' | 'opening';

/** What an organisation's record says for the opening's 「如对本报告有疑问，请与…联系」. */
export interface OrganisationContact {
  address?: string | null;
  postcode?: string | null;
  phone?: string | null;
  email?: string | null;
}

export interface SectionDef {
  id: string;
  label: Label;
  narrative: NarrativeBlock[];
  table?: TableDef;
}

/** `in_force(Y) = in_force(Y−1) + issued(Y) − repealed(Y)` for each row. */
export interface StockRule {
  type: 'stock';
  id: string;
  level: RuleLevel;
  table: string;
  rows: string[];
  stock: string;
  plus: string;
  minus: string;
}

/** Per column of a matrix: Σ left rows = Σ right rows; `solveFor` is the row a user would adjust. */
export interface BalanceRule {
  type: 'balance';
  id: string;
  level: RuleLevel;
  table: string;
  left: string[];
  right: string[];
  solveFor: string;
}

/** Per column: `<table>.<row>` this year = `<table>.<fromRow>` of the previous year's report. */
export interface CarryRule {
  type: 'carry';
  id: string;
  level: RuleLevel;
  table: string;
  row: string;
  fromRow: string;
}

/** Per row: a value must not exceed another of the same row (2019 本年新公开数量 ≤ 对外公开总数量). */
export interface NotAboveRule {
  type: 'notAbove';
  id: string;
  level: RuleLevel;
  table: string;
  rows: string[];
  column: string;
  limit: string;
}

/** 信息处理费: fee rows of table 三 and what section 六 says about fees. */
export interface FeeRule {
  type: 'fee';
  id: string;
  level: RuleLevel;
  cell: string;
  narrative: string;
}

export type RuleDef = StockRule | BalanceRule | CarryRule | NotAboveRule | FeeRule;

export interface FormatDef {
  id: '2019' | '2021';
  label: Label;
  /** Report years this format applies to (inclusive); `to` absent = open-ended. */
  years: { from: number; to?: number };
  /** The notice that fixes the format. */
  basis: Label;
  sections: SectionDef[];
  rules: RuleDef[];
}

export type CellValue = number | string;

/** A report's data: what the form edits, the API stores and the PDF prints. */
export interface ReportData {
  format: FormatDef['id'];
  year: number;
  organisation: Label | { zh: string; en?: string };
  /** Date of the closing block, ISO `YYYY-MM-DD`. */
  date?: string;
  narrative: Record<string, { zh: string; en?: string }>;
  cells: Record<string, CellValue | null>;
  /**
   * Why carried-over figures (上年结转, 上年现行有效件数) differ from last year's report: a note for the
   * reviewer, not printed.
   */
  carryNote?: string;
}
