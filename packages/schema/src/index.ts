export {
  deskStatusLabels,
  isReportLang,
  LANGS,
  type Lang,
  REPORT_LANGS,
  REPORT_STATUSES,
  type ReportLang,
  type ReportStatus,
  ROLES,
  type Role,
  reportStatusLabels,
  roleLabels,
  say,
} from './appWords.ts';
export {
  blockName,
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
  allTablesZero,
  blankTableFindings,
  type NarrativeFinding,
  narrativeFindings,
} from './completeness.ts';
export {
  type ConsolidateOptions,
  type ConsolidationResult,
  Consolidator,
  consolidateReports,
} from './consolidate.ts';
export { blocksMissingEnglish } from './englishMissing.ts';
export {
  format2019,
  format2021,
  formatAppliesTo,
  formatForYear,
  formats,
  getFormat,
} from './formats/index.ts';
export {
  blockColumnSpans,
  columnHeaderRows,
  type MatrixLayout,
  matrixLayout,
  rowHeaderCells,
  type SpanCell,
  treeDepth,
} from './layout.ts';
export { type MigrationLoss, type MigrationResult, migrateReport } from './migrate.ts';
export {
  carryNoteSentence,
  hasCarryNote,
  mentionsCarryNote,
  otherMattersBlock,
  withCarryNote,
} from './narrative/carryNote.ts';
export { type Claim, type ClaimKind, type ReadingValue, readClaims } from './narrative/claims.ts';
export {
  type DraftContext,
  type DraftPassage,
  draftNarrative,
  findDraftedPassage,
} from './narrative/draft.ts';
export { chineseNumeral, type Figure, type FigureUnit, findFigures } from './narrative/figures.ts';
export { CONTACT_FIELDS, openingStatement } from './narrative/opening.ts';
export type { Lang as NarrativeLang, Reading, TextRange } from './narrative/types.ts';
export { type NewReportInput, newReport } from './newReport.ts';
export { type PlainTextOptions, plainText, plainTextProblem, wellFormed } from './plainText.ts';
export { AMOUNT_UNIT, printedUnit } from './printedUnit.ts';
export {
  bilingual,
  type DataIssue,
  MAX_NARRATIVE_CHARS,
  type ParseResult,
  parseReport,
  reportSchema,
  type SchemaOptions,
  splitBilingual,
} from './reportSchema.ts';
export { type CheckOptions, checkReport, type Finding, hasErrors } from './rules.ts';
export { reportTitle } from './title.ts';
export { computeTotals, fillTotals, sumOfParts } from './totals.ts';
export type * from './types.ts';
export { AMOUNT_PATTERN, amountUnits, countOf, displayValue, valueFits } from './values.ts';
