/**
 * A versioned save of a draft's data, shared by the reports, imports and consolidate routers: checked
 * with the year's schema and rules, totals recomputed, written only on top of the version the user saw.
 */

import type { Db } from '@nianbao/db';
import {
  getOrganisation,
  getReport,
  getReportSummaryWithPrevious,
  keepRejectedSave,
  type ReportRow,
  saveReportData,
} from '@nianbao/db';
import type { Finding, ReportData } from '@nianbao/schema';
import { REPORT, readableReport } from '../access.ts';
import type { SessionUser } from '../context.ts';
import { apiError } from '../errors.ts';
import { conflict } from './conflict.ts';
import { rememberReportData } from './reportDataCache.ts';
import { carrySource, checkData, organisationLabel } from './reports.ts';
import { authorise } from './workflow.ts';

export interface SaveResult {
  version: number;
  updatedAt: string;
  status: ReportRow['status'];
  /** The data as stored: totals recomputed by the server. */
  data: ReportData;
  findings: Finding[];
  errors: number;
  warnings: number;
}

/** `reason` is kept with the revision (`save`, `import`, `consolidate`, `restore:<v>`). */
export async function save(
  db: Db,
  user: SessionUser,
  input: { id: number; baseVersion: number; data: unknown },
  reason: string,
): Promise<SaveResult> {
  const found = await getReportSummaryWithPrevious(db, input.id);
  const row = await readableReport(db, user, found?.report);
  await authorise(db, user, row, 'edit');
  const previous = await carrySource(db, row.organisation_id, row.year, found?.previous ?? null);
  const checked = checkData(input.data, row.year, previous?.data);
  // The body's name is its record's, as the administrator set it: a save cannot put another on the report.
  // (A filler's own body was read with the session, in this request.)
  const organisation =
    row.organisation_id === user.organisation.id
      ? user.organisation
      : await getOrganisation(db, row.organisation_id);
  checked.data.organisation = organisationLabel(organisation!);
  const data = JSON.stringify(checked.data);
  // The losing side of a conflict is kept, so that neither version is lost (a restore needs no copy).
  const refused = async (current: ReportRow) =>
    conflict(
      db,
      current,
      reason === 'save' || reason === 'import'
        ? await keepRejectedSave(db, {
            reportId: row.id,
            baseVersion: input.baseVersion,
            data,
            userId: user.id,
          })
        : undefined,
    );
  if (row.version !== input.baseVersion) {
    const current = await getReport(db, row.id);
    if (!current) throw apiError('NOT_FOUND', REPORT);
    return refused(current);
  }
  const outcome = await saveReportData(db, {
    id: row.id,
    baseVersion: input.baseVersion,
    data,
    errors: checked.errors,
    warnings: checked.warnings,
    userId: user.id,
    reason,
  });
  if (!outcome.ok) {
    if (outcome.reason === 'conflict' && outcome.current) return refused(outcome.current);
    // The status changed between the check and the write: the table's answer for the new status.
    if (outcome.reason === 'status' && outcome.current) await authorise(db, user, outcome.current, 'edit');
    throw apiError('NOT_FOUND', REPORT);
  }
  // Next year's report checks its carry-over against this version on every save.
  rememberReportData(db, row.id, outcome.report.version, checked.data);
  return {
    version: outcome.report.version,
    updatedAt: outcome.report.updated_at,
    status: outcome.report.status,
    data: checked.data,
    findings: checked.findings,
    errors: checked.errors,
    warnings: checked.warnings,
  };
}
