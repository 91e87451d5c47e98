/**
 * The tables as Kysely sees them. Timestamps are ISO-8601 strings and report data is JSON text, so
 * the same rows fit SQLite and PostgreSQL.
 */
import type { ReportStatus, Role } from '@nianbao/schema';
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface OrganisationsTable {
  id: Generated<number>;
  name_zh: string;
  name_en: string | null;
  /** The 拼音 initials of `name_zh` (`nameInitials`), kept in step with it on every write. */
  name_initials: string;
  parent_id: number | null;
  /** Submission deadline as `MM-DD` of the following year (statute: 01-31); null = the default. */
  deadline: string | null;
  /** Contact details printed in the report's opening statement; null = not given. */
  address: string | null;
  postcode: string | null;
  phone: string | null;
  email: string | null;
  created_at: string;
}

/**
 * Each body's ancestry (a closure table): one row per ancestor and descendant, every body its own
 * ancestor at depth 0. Written only by `ancestry.ts`.
 */
export interface OrganisationTreeTable {
  ancestor_id: number;
  descendant_id: number;
  /** Levels from the ancestor down to the descendant: 1 = a direct subordinate. */
  depth: number;
}

export interface UsersTable {
  id: Generated<number>;
  login: string;
  display_name: string;
  password_hash: string;
  role: Role;
  organisation_id: number;
  created_at: string;
  password_changed_at: string;
}

export interface SessionsTable {
  /** SHA-256 of the cookie token: a copy of the database does not hand out live sessions. */
  id: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  address: string | null;
}

export interface ReportsTable {
  id: Generated<number>;
  organisation_id: number;
  year: number;
  format: string;
  /** The report data (ReportData) as JSON, totals computed. */
  data: string;
  status: ReportStatus;
  version: number;
  /** Counts of the rule findings of `data`, kept for lists. */
  errors: number;
  warnings: number;
  created_by: number | null;
  created_at: string;
  updated_by: number | null;
  updated_at: string;
  submitted_by: number | null;
  submitted_at: string | null;
  approved_by: number | null;
  approved_at: string | null;
  /** The reviewer's comment when the report was last returned; cleared on the next submission. */
  return_comment: string | null;
  returned_by: number | null;
  returned_at: string | null;
}

export interface ReportRevisionsTable {
  id: Generated<number>;
  report_id: number;
  version: number;
  data: string;
  saved_by: number | null;
  saved_at: string;
  /** Why this revision exists: `create`, `save`, `restore:<version>`, `import`. */
  reason: string;
}

export interface RejectedSavesTable {
  id: Generated<number>;
  report_id: number;
  /** The version the refused save was based on. */
  base_version: number;
  data: string;
  saved_by: number | null;
  saved_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: number | null;
  /** The login name as typed, kept for failed logins that match no user. */
  login: string | null;
  address: string | null;
  action: string;
  report_id: number | null;
  detail: string | null;
}

/**
 * Failed sign-ins counted per (account, address) pair, per account and per address, within a window;
 * and (failures 0) the addresses an account has signed in from. Shared by every server process.
 */
export interface LoginFailuresTable {
  kind: 'pair' | 'account' | 'address' | 'known';
  /** The login as typed, lower-cased; '' for the per-address count. */
  account: string;
  /** The client address; '' for the per-account count. */
  address: string;
  failures: number;
  /** ISO time of the last failure (or, for `known`, the last sign-in). */
  last_at: string;
}

export interface Schema {
  organisations: OrganisationsTable;
  organisation_tree: OrganisationTreeTable;
  users: UsersTable;
  sessions: SessionsTable;
  reports: ReportsTable;
  report_revisions: ReportRevisionsTable;
  rejected_saves: RejectedSavesTable;
  audit_log: AuditLogTable;
  login_failures: LoginFailuresTable;
}

export type OrganisationRow = Selectable<OrganisationsTable>;
export type UserRow = Selectable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type ReportRow = Selectable<ReportsTable>;
export type NewReportRow = Insertable<ReportsTable>;
export type ReportUpdate = Updateable<ReportsTable>;
export type RevisionRow = Selectable<ReportRevisionsTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type RejectedSaveRow = Selectable<RejectedSavesTable>;
