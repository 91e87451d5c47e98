export type * from './types.ts';
export { format2019, format2021, formats, getFormat, formatForYear, formatAppliesTo } from './formats/index.ts';
export {
  type CellDef,
  cellId,
  cellIndex,
  cellName,
  findTable,
  formatCells,
  isLeaf,
  leafIds,
  leaves,
  narrativeBlocks,
} from './cells.ts';
export {
  type MatrixLayout,
  type SpanCell,
  blockColumnSpans,
  columnHeaderRows,
  matrixLayout,
  rowHeaderCells,
  treeDepth,
} from './layout.ts';
export { AMOUNT_PATTERN, amountUnits, countOf, displayValue, valueFits } from './values.ts';
export {
  type DataIssue,
  type ParseResult,
  MAX_NARRATIVE_CHARS,
  bilingual,
  parseReport,
  reportSchema,
  splitBilingual,
} from './reportSchema.ts';
export { computeTotals, sumOfParts } from './totals.ts';
export { type CheckOptions, type Finding, checkReport, hasErrors } from './rules.ts';
export { type MigrationLoss, type MigrationResult, migrateReport } from './migrate.ts';
export { type NewReportInput, newReport } from './newReport.ts';
export { reportTitle } from './title.ts';
