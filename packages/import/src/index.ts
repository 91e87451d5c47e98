export { type CheckImportOptions, checkImported } from './checkImported.ts';
export { htmlLines, looksLikeHtml } from './html.ts';
export { ImportError, importLines, importText } from './importReport.ts';
export { type Line, type Token, textLines } from './lines.ts';
export { normaliseLabel } from './normalise.ts';
export { findingLine, migrationLines, summaryLine, unreadLine } from './printFindings.ts';
export type {
  ImportFinding,
  ImportMigration,
  ImportOptions,
  ImportProvenance,
  ImportResult,
  InputForm,
  Provenance,
  TableReading,
  Unread,
} from './types.ts';
