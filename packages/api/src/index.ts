export { readableReport } from './access.ts';
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
export type { Consolidation, Contributions } from './routers/consolidate.ts';
export type { BulkOutcome, DeskEntry, DeskPage } from './routers/desk.ts';
export type { ImportReading } from './routers/imports.ts';
export type { Organisation } from './routers/orgs.ts';
export type { RejectedSave, Report, ReportEvent, ReportsPage, RevisionSummary } from './routers/reports.ts';
export type { ListedUser, User } from './routers/users.ts';
export { type DemoLogin, demoLogins, seedDemo } from './services/demo.ts';
export type { DeskExporter, DeskExportJob, DeskExportResult, DeskFile } from './services/deskExport.ts';
export { type ReportSummary, type UserRef, versionData } from './services/reports.ts';
export type { SaveResult } from './services/save.ts';
export type { Permissions } from './services/workflow.ts';
export { signedInCaller } from './signedInCaller.ts';
export { createCallerFactory } from './trpc.ts';
export { inThreadUploadReader, type UploadReader, UploadRefused } from './uploadReader.ts';
