export { CycleError, isWithin, MAX_DEPTH, moveOrganisation, subtreeIds } from './ancestry.ts';
export { type AuditEntry, audit, lastAudit, listAudit } from './audit.ts';
export { backupSqlite } from './backup.ts';
export { type BulkReports, type SubordinateTree, seedReports, seedSubordinates } from './bulkSeed.ts';
export {
  type DatabaseKind,
  type DatabaseLocation,
  type Db,
  DEFAULT_DATABASE_FILE,
  databaseFileFromEnv,
  databaseFromEnv,
  databaseKind,
  databaseLocation,
  integrityCheck,
  isEmpty,
  now,
  type OpenOptions,
  openDatabase,
  pgPoolSizeFromEnv,
  postgresDialect,
  redactUrl,
  type SqliteSync,
  sqliteDialect,
  sqliteSyncFromEnv,
} from './database.ts';
export {
  DEFAULT_DEADLINE,
  DESK_SORTS,
  DESK_STATUSES,
  type DeskCounts,
  type DeskQuery,
  type DeskRow,
  type DeskSort,
  type DeskStatus,
  deskPage,
} from './desk.ts';
export {
  accountFailures,
  clearLoginFailures,
  deleteOldLoginFailures,
  type FailureCount,
  type LoginAttempt,
  type LoginFailures,
  loginFailures,
  recordLoginFailure,
  recordLoginSuccess,
} from './loginFailures.ts';
export { migrateToLatest, migrations } from './migrations.ts';
export {
  createOrganisation,
  getOrganisation,
  getOrganisations,
  listChildren,
  listOrganisations,
  type NewOrganisation,
  updateOrganisation,
} from './organisations.ts';
export { generatePassword, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords.ts';
export { type StreamedReport, streamReports } from './reportStream.ts';
export {
  changeStatus,
  findReport,
  findReportVersion,
  getReport,
  getReportSummary,
  getReportSummaryWithPrevious,
  getRevision,
  insertReport,
  keepRejectedSave,
  listRejectedSaves,
  listReports,
  listRevisions,
  type NewReport,
  type ReportScope,
  type ReportSummaryRow,
  type ReportsPageQuery,
  type RevisionSummaryRow,
  reportsPage,
  type SaveData,
  type SaveOutcome,
  saveReportData,
} from './reports.ts';
export { createSession, deleteExpiredSessions, deleteSession, findSession } from './sessions.ts';
export * from './types.ts';
export {
  createUser,
  findUserByLogin,
  getUser,
  listUsers,
  type NewUser,
  setUserPassword,
  setUserRole,
} from './users.ts';
