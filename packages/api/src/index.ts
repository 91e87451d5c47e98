export { canRead, canReview, canWrite, readableOrganisations, readableReport } from './access.ts';
export {
  type ApiDeps,
  type ApiOptions,
  authenticate,
  type Context,
  createApiDeps,
  createContext,
  type RequestInfo,
  type SessionUser,
} from './context.ts';
export { readCookie, SESSION_COOKIE } from './cookies.ts';
export { apiError, type ConflictDetails, type ErrorDetails } from './errors.ts';
export { LoginThrottle, type LoginThrottleOptions } from './loginThrottle.ts';
export { type AppRouter, appRouter } from './router.ts';
export type { Me } from './routers/auth.ts';
export type { Consolidation } from './routers/consolidate.ts';
export type { BulkOutcome, DeskEntry, DeskPage } from './routers/desk.ts';
export { type ImportReading, MAX_IMPORT_BYTES } from './routers/imports.ts';
export type { Organisation } from './routers/orgs.ts';
export type {
  Permissions,
  RejectedSave,
  Report,
  ReportEvent,
  RevisionSummary,
  SaveResult,
} from './routers/reports.ts';
export type { User } from './routers/users.ts';
export {
  DEMO_ORGANISATION,
  DEMO_PARENT,
  DEMO_USERS,
  type DemoLogin,
  demoLogins,
  seedDemo,
} from './services/demo.ts';
export {
  checkData,
  createReport,
  organisationLabel,
  previousYearData,
  type ReportSummary,
  reportData,
  reportFindings,
  type UserRef,
  versionData,
} from './services/reports.ts';
export { createCallerFactory } from './trpc.ts';
export { inThreadUploadReader, type UploadReader, UploadRefused } from './uploadReader.ts';
