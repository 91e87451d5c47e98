/**
 * Who may see and do what. A filler works on the reports of their own organisation; reviewers and
 * administrators also see every organisation below theirs (a parent body reviews its subordinate
 * bodies' reports, and will consolidate them into a 汇总 report).
 */
import { type Db, isWithin, type ReportRow, type ReportScope } from '@nianbao/db';
import type { SessionUser } from './context.ts';
import { notFound } from './errors.ts';

/**
 * The organisations whose reports the user may read, as a scope a query joins on (never a list of
 * ids: a province's reviewer reads tens of thousands).
 */
export function readScope(user: SessionUser): ReportScope {
  return { rootId: user.organisation_id, below: user.role !== 'filler' };
}

export async function canRead(db: Db, user: SessionUser, organisationId: number): Promise<boolean> {
  if (organisationId === user.organisation_id) return true;
  return user.role !== 'filler' && isWithin(db, user.organisation_id, organisationId);
}

/** Writing data (create, save, restore, submit): the own organisation; an administrator also below it. */
export async function canWrite(db: Db, user: SessionUser, organisationId: number): Promise<boolean> {
  if (organisationId === user.organisation_id) return true;
  return user.role === 'admin' && isWithin(db, user.organisation_id, organisationId);
}

/** Approving and returning: a reviewer or administrator of the organisation or one above it. */
export async function canReview(db: Db, user: SessionUser, organisationId: number): Promise<boolean> {
  if (user.role === 'filler') return false;
  return isWithin(db, user.organisation_id, organisationId);
}

/**
 * Keeping an organisation's contact details, which its report's opening statement prints: whoever may
 * both write and review its reports (the workflow's writer and reviewer at once) — an administrator of
 * it or of one above it, or its own reviewer. A filler reads them; a reviewer above it only reviews.
 * Pure over `subtree` (the user's organisation and those below it) so that a list decides it per row.
 */
export function keepsContact(user: SessionUser, organisationId: number, subtree: readonly number[]): boolean {
  if (user.role === 'admin') return subtree.includes(organisationId);
  return user.role === 'reviewer' && organisationId === user.organisation_id;
}

export const REPORT = { zh: '该报告', en: 'This report' };

/** The report when the user may read it; NOT_FOUND otherwise, so ids reveal nothing. */
export async function readableReport<R extends Pick<ReportRow, 'organisation_id'>>(
  db: Db,
  user: SessionUser,
  report: R | undefined,
): Promise<R> {
  if (!report || !(await canRead(db, user, report.organisation_id))) throw notFound(REPORT);
  return report;
}
