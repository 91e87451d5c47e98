import {
  audit,
  type Db,
  getOrganisation,
  getOrganisations,
  getReport,
  getReportSummary,
  getRevision,
  lastAudit,
  listAudit,
  listRejectedSaves,
  listRevisions,
  type ReportRow,
  reportsPage,
} from '@nianbao/db';
import {
  allTablesZero,
  type Finding,
  getFormat,
  plainText,
  REPORT_STATUSES,
  type ReportData,
  type ReportStatus,
} from '@nianbao/schema';
import { z } from 'zod';
import { canRead, canWrite, readableReport, readScope } from '../access.ts';
import type { SessionUser } from '../context.ts';
import { apiError } from '../errors.ts';
import { id, version } from '../inputs.ts';
import {
  carrySource,
  checkData,
  createReport,
  hasErrors,
  previousYearData,
  type ReportSummary,
  reportData,
  reportFindings,
  summary,
  summaryUserIds,
  type UserRef,
  userNames,
  userRef,
} from '../services/reports.ts';
import { type SaveResult, save } from '../services/save.ts';
import { authorise, type Permissions, permissions, transition } from '../services/workflow.ts';
import { authedProcedure, router } from '../trpc.ts';

const year = z.number().int().min(2019).max(2100);
const byId = z.strictObject({ id });
const atVersion = z.strictObject({ id, version });
/** `allZeroConfirmed`: the filler confirmed that a report of nothing but zeros is right. */
const submitInput = z.strictObject({ id, version, allZeroConfirmed: z.boolean().optional() });
const returnComment = plainText(
  z.string().trim().min(1).max(2000),
  { zh: '退回意见（comment）', en: 'return comment (comment)' },
  { multiline: true },
);
const reopenReason = plainText(
  z.string().trim().max(2000),
  { zh: '重新打开的理由（reason）', en: 'reason for reopening (reason)' },
  { multiline: true },
);

export interface Report extends ReportSummary {
  data: ReportData;
  /** A draft reopened after submission or approval: the reviewer's reason, shown like a return comment. */
  reopened: { reason: string; at: string; by: UserRef | null } | null;
  /** The rule findings of the stored data, with last year's report when there is one. */
  findings: Finding[];
  /**
   * The version of last year's report the carry-over comes from (its approved one first), and that
   * version's status: the form says where the figures come from, and when they come from a draft.
   */
  previousYear: { id: number; version: number; status: ReportStatus } | null;
  permissions: Permissions;
}

/** Rows per page of the reports list at most. */
const MAX_LIST_PAGE = 200;

/** One page of the reports list and the number of reports that match its filters. */
export interface ReportsPage {
  rows: ReportSummary[];
  total: number;
  page: number;
  size: number;
}

export interface RejectedSave {
  id: number;
  /** The version the refused save was based on. */
  baseVersion: number;
  savedAt: string;
  savedBy: UserRef | null;
  data: ReportData;
}

/** A workflow step of a report, from the audit log: who moved it when, with the comment or reason. */
export interface ReportEvent {
  action: (typeof WORKFLOW_STEPS)[number];
  at: string;
  by: UserRef | null;
  /** The version the step was taken on. */
  version: number | null;
  /** The reviewer's comment (return) or the reason given (reopen). */
  note: string | null;
}

const WORKFLOW_STEPS = ['submit', 'return', 'approve', 'reopen'] as const;

export interface RevisionSummary {
  version: number;
  savedAt: string;
  savedBy: UserRef | null;
  reason: string;
  size: number;
}

async function toSummary(db: Db, row: ReportRow): Promise<ReportSummary> {
  const org = (await getOrganisation(db, row.organisation_id))!;
  return summary(row, org, await userNames(db, summaryUserIds(row)));
}

async function fullReport(db: Db, user: SessionUser, row: ReportRow): Promise<Report> {
  const data = reportData(row);
  const previous = await carrySource(db, row.organisation_id, row.year);
  const findings = reportFindings(data, previous?.data);
  return {
    ...(await toSummary(db, row)),
    data,
    reopened: row.status === 'draft' ? await reopenedWith(db, row.id) : null,
    findings,
    previousYear: previous ? { id: previous.id, version: previous.version, status: previous.status } : null,
    permissions: await permissions(db, user, row),
  };
}

/** The reason of the reopening that made the report a draft again, when that was its last status change. */
async function reopenedWith(db: Db, reportId: number): Promise<Report['reopened']> {
  const last = await lastAudit(db, reportId, ['report.submit', 'report.return', 'report.reopen']);
  if (last?.action !== 'report.reopen' || last.detail === null) return null;
  const reason = (JSON.parse(last.detail) as { reason?: string | null }).reason;
  if (!reason) return null;
  const names = await userNames(db, [last.user_id]);
  const by = last.user_id === null ? null : { id: last.user_id, displayName: names.get(last.user_id) ?? '' };
  return { reason, at: last.at, by };
}

export const reportsRouter = router({
  /**
   * One page of the reports of the user's organisation (for reviewers and administrators also of the
   * organisations below), newest year first, with the number of matching reports.
   */
  list: authedProcedure
    .input(
      z
        .strictObject({
          organisationId: id.optional(),
          year: year.optional(),
          status: z.enum(REPORT_STATUSES).optional(),
          page: z.number().int().min(1).max(1_000_000).default(1),
          size: z.number().int().min(1).max(MAX_LIST_PAGE).default(50),
        })
        .default({ page: 1, size: 50 }),
    )
    .query(async ({ ctx, input }): Promise<ReportsPage> => {
      const { rows, total } = await reportsPage(ctx.db, { ...input, scope: readScope(ctx.user) });
      const orgs = new Map(
        (await getOrganisations(ctx.db, [...new Set(rows.map((r) => r.organisation_id))])).map((o) => [
          o.id,
          o,
        ]),
      );
      const names = await userNames(ctx.db, rows.flatMap(summaryUserIds));
      return {
        rows: rows.map((r) => summary(r, orgs.get(r.organisation_id)!, names)),
        total,
        page: input.page,
        size: input.size,
      };
    }),

  get: authedProcedure.input(byId).query(async ({ ctx, input }): Promise<Report> => {
    const row = await readableReport(ctx.db, ctx.user, await getReport(ctx.db, input.id));
    return fullReport(ctx.db, ctx.user, row);
  }),

  /** A new report for an organisation (default: the user's) and year, in the year's format, with last year's carry-over. */
  create: authedProcedure
    .input(z.strictObject({ organisationId: id.optional(), year }))
    .mutation(async ({ ctx, input }): Promise<Report> => {
      const organisationId = input.organisationId ?? ctx.user.organisation_id;
      if (
        !(await canRead(ctx.db, ctx.user, organisationId)) ||
        !(await canWrite(ctx.db, ctx.user, organisationId))
      ) {
        throw apiError('FORBIDDEN', {
          zh: '您只能为本机关创建报告',
          en: 'You may only create reports for your own organisation',
        });
      }
      const row = await createReport(ctx.db, { organisationId, year: input.year, userId: ctx.user.id });
      await audit(ctx.db, {
        action: 'report.create',
        userId: ctx.user.id,
        reportId: row.id,
        detail: { year: input.year },
      });
      return fullReport(ctx.db, ctx.user, row);
    }),

  /**
   * Saves a draft on top of `baseVersion`. A stale version gets CONFLICT with the current version and
   * data in `error.data.conflict`; nothing is written then. Totals are recomputed by the server.
   */
  save: authedProcedure
    .input(z.strictObject({ id, baseVersion: version, data: z.unknown() }))
    .mutation(({ ctx, input }) => save(ctx.db, ctx.user, input, 'save')),

  /** The rule findings of the stored data, or of `data` when given (not saved). */
  check: authedProcedure
    .input(z.strictObject({ id, data: z.unknown().optional() }))
    .mutation(async ({ ctx, input }) => {
      const row = await readableReport(ctx.db, ctx.user, await getReport(ctx.db, input.id));
      const previous = await previousYearData(ctx.db, row.organisation_id, row.year);
      const checked = checkData(input.data === undefined ? reportData(row) : input.data, row.year, previous);
      return {
        data: checked.data,
        findings: checked.findings,
        errors: checked.errors,
        warnings: checked.warnings,
      };
    }),

  /** Draft → submitted. Refused (PRECONDITION_FAILED, with the findings) while an error remains. */
  submit: authedProcedure.input(submitInput).mutation(async ({ ctx, input }) => {
    const row = await readableReport(ctx.db, ctx.user, await getReport(ctx.db, input.id));
    const step = await authorise(ctx.db, ctx.user, row, 'submit');
    const data = reportData(row);
    const findings = reportFindings(data, await previousYearData(ctx.db, row.organisation_id, row.year));
    if (hasErrors(findings)) {
      const errors = findings.filter((f) => f.level === 'error');
      throw apiError(
        'PRECONDITION_FAILED',
        {
          zh: `报告还有 ${errors.length} 处错误，改正后才能提交：${errors[0]!.message.zh}`,
          en: `The report still has ${errors.length} error(s); correct them before submitting: ${errors[0]!.message.en}`,
        },
        { findings: errors },
      );
    }
    // A report of nothing but zeros is often one nobody filled in: the filler confirms it had none.
    if (!input.allZeroConfirmed && allTablesZero(getFormat(data.format), data)) {
      const message = {
        zh: '报告的全部表格都是 0 或空白；如本机关本年确无此类情况，请确认（allZeroConfirmed）后再提交',
        en: 'Every table of the report is 0 or blank; confirm (allZeroConfirmed) that the body really had none, then submit',
      };
      throw apiError('PRECONDITION_FAILED', message, { issues: [{ path: ['allZeroConfirmed'], message }] });
    }
    const at = new Date().toISOString();
    const set = {
      submitted_by: ctx.user.id,
      submitted_at: at,
      return_comment: null,
      returned_by: null,
      returned_at: null,
    };
    return toSummary(
      ctx.db,
      await transition(ctx.db, ctx.user, row, input.version, {
        transition: step,
        set,
        detail: input.allZeroConfirmed ? { allZeroConfirmed: true } : undefined,
      }),
    );
  }),

  /** Submitted → approved, by a reviewer of the organisation or one above it; never by the submitter. */
  approve: authedProcedure.input(atVersion).mutation(async ({ ctx, input }) => {
    const row = await readableReport(ctx.db, ctx.user, await getReport(ctx.db, input.id));
    const step = await authorise(ctx.db, ctx.user, row, 'approve');
    // A submitted report can have errors when a rule changed or last year's report moved on since.
    if (row.errors > 0) {
      throw apiError('PRECONDITION_FAILED', {
        zh: `报告还有 ${row.errors} 处错误，不能审核通过；请退回填报人改正`,
        en: `The report still has ${row.errors} error(s) and cannot be approved; return it for correction`,
      });
    }
    const set = { approved_by: ctx.user.id, approved_at: new Date().toISOString() };
    return toSummary(
      ctx.db,
      await transition(ctx.db, ctx.user, row, input.version, { transition: step, set }),
    );
  }),

  /** Submitted → draft with the reviewer's comment for the filler. */
  return: authedProcedure
    .input(z.strictObject({ id, version, comment: returnComment }))
    .mutation(async ({ ctx, input }) => {
      const row = await readableReport(ctx.db, ctx.user, await getReport(ctx.db, input.id));
      const step = await authorise(ctx.db, ctx.user, row, 'return');
      const set = {
        return_comment: input.comment,
        returned_by: ctx.user.id,
        returned_at: new Date().toISOString(),
        submitted_by: null,
        submitted_at: null,
      };
      const detail = { comment: input.comment };
      return toSummary(
        ctx.db,
        await transition(ctx.db, ctx.user, row, input.version, { transition: step, set, detail }),
      );
    }),

  /**
   * Back to draft: an approved or submitted report by its reviewer, or a submitted one withdrawn by
   * the person who submitted it.
   */
  reopen: authedProcedure
    .input(z.strictObject({ id, version, reason: reopenReason.optional() }))
    .mutation(async ({ ctx, input }) => {
      const row = await readableReport(ctx.db, ctx.user, await getReport(ctx.db, input.id));
      const step = await authorise(ctx.db, ctx.user, row, 'reopen');
      // The filler sees the reason as a banner, as with a return; withdrawing one's own submission needs none.
      if (step.who !== 'submitter' && !input.reason) {
        const message = {
          zh: '请填写重新打开的理由（reason），填报人将看到它',
          en: 'Give the reason for reopening (reason); the filler will see it',
        };
        throw apiError('BAD_REQUEST', message, { issues: [{ path: ['reason'], message }] });
      }
      const set = { approved_by: null, approved_at: null, submitted_by: null, submitted_at: null };
      const detail = { reason: input.reason ?? null };
      return toSummary(
        ctx.db,
        await transition(ctx.db, ctx.user, row, input.version, { transition: step, set, detail }),
      );
    }),

  /** Every saved version, newest first (without the data). */
  revisions: authedProcedure.input(byId).query(async ({ ctx, input }): Promise<RevisionSummary[]> => {
    await readableReport(ctx.db, ctx.user, await getReport(ctx.db, input.id));
    const rows = await listRevisions(ctx.db, input.id);
    const names = await userNames(
      ctx.db,
      rows.map((r) => r.saved_by),
    );
    return rows.map((r) => ({
      version: r.version,
      savedAt: r.saved_at,
      savedBy: userRef(names, r.saved_by),
      reason: r.reason,
      size: r.size,
    }));
  }),

  /** The report's workflow steps (submit, return, approve, reopen), oldest first. */
  events: authedProcedure.input(byId).query(async ({ ctx, input }): Promise<ReportEvent[]> => {
    await readableReport(ctx.db, ctx.user, await getReport(ctx.db, input.id));
    const steps: readonly string[] = WORKFLOW_STEPS;
    const rows = (await listAudit(ctx.db, { reportId: input.id })).filter((r) =>
      steps.includes(r.action.replace(/^report\./, '')),
    );
    const names = await userNames(
      ctx.db,
      rows.map((r) => r.user_id),
    );
    return rows.map((r) => {
      const detail = (r.detail ? JSON.parse(r.detail) : {}) as {
        version?: number;
        comment?: string;
        reason?: string | null;
      };
      return {
        action: r.action.replace(/^report\./, '') as ReportEvent['action'],
        at: r.at,
        by: r.user_id === null ? null : { id: r.user_id, displayName: names.get(r.user_id) ?? '' },
        version: detail.version ?? null,
        note: detail.comment ?? detail.reason ?? null,
      };
    });
  }),

  /** One saved version with its data. */
  revision: authedProcedure.input(atVersion).query(async ({ ctx, input }) => {
    await readableReport(ctx.db, ctx.user, await getReport(ctx.db, input.id));
    const rev = await getRevision(ctx.db, input.id, input.version);
    if (!rev) throw apiError('NOT_FOUND', { zh: '该版本不存在', en: 'No such version' });
    const names = await userNames(ctx.db, [rev.saved_by]);
    return {
      version: rev.version,
      savedAt: rev.saved_at,
      savedBy: userRef(names, rev.saved_by),
      reason: rev.reason,
      data: JSON.parse(rev.data) as ReportData,
    };
  }),

  /** Saves refused as stale (CONFLICT), newest first, with their data: the other side of each conflict. */
  rejectedSaves: authedProcedure.input(byId).query(async ({ ctx, input }): Promise<RejectedSave[]> => {
    await readableReport(ctx.db, ctx.user, await getReport(ctx.db, input.id));
    const rows = await listRejectedSaves(ctx.db, input.id);
    const names = await userNames(
      ctx.db,
      rows.map((r) => r.saved_by),
    );
    return rows.map((r) => ({
      id: r.id,
      baseVersion: r.base_version,
      savedAt: r.saved_at,
      savedBy: userRef(names, r.saved_by),
      data: JSON.parse(r.data) as ReportData,
    }));
  }),

  /** Saves an earlier version's data as a new version on top of `baseVersion`. */
  restore: authedProcedure
    .input(z.strictObject({ id, version, baseVersion: version }))
    .mutation(async ({ ctx, input }): Promise<SaveResult> => {
      const row = await readableReport(ctx.db, ctx.user, await getReportSummary(ctx.db, input.id));
      await authorise(ctx.db, ctx.user, row, 'edit');
      const rev = await getRevision(ctx.db, input.id, input.version);
      if (!rev) throw apiError('NOT_FOUND', { zh: '该版本不存在', en: 'No such version' });
      return save(
        ctx.db,
        ctx.user,
        { id: input.id, baseVersion: input.baseVersion, data: JSON.parse(rev.data) },
        `restore:${input.version}`,
      );
    }),
});
