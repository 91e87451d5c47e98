/**
 * 汇总: a parent organisation's combined figures of its subordinate organisations' reports for a
 * year. The sum is stored as the parent's own report for that year — a draft whose narrative the
 * office writes, which then goes through the same review and the same PDF download as any report
 * (a county government publishes the county's figures as its own annual report).
 */
import {
  audit,
  type Db,
  findReport,
  getOrganisation,
  listChildren,
  listReports,
  type OrganisationRow,
  type ReportRow,
  streamReports,
} from '@nianbao/db';
import {
  type CellValue,
  Consolidator,
  cellIndex,
  type Finding,
  type FormatDef,
  formatForYear,
  otherMattersBlock,
  REPORT_STATUSES,
  type ReportData,
} from '@nianbao/schema';
import { z } from 'zod';
import { canRead, canReview, canWrite } from '../access.ts';
import type { SessionUser } from '../context.ts';
import { apiError, notFound } from '../errors.ts';
import { id, version } from '../inputs.ts';
import { counts, createReport, organisationLabel, reportData, versionData } from '../services/reports.ts';
import { save } from '../services/save.ts';
import { authedProcedure, router } from '../trpc.ts';

const ORGANISATION = { zh: '该机关', en: 'This organisation' };

const target = {
  /** The parent organisation (default: the user's own). */
  organisationId: id.optional(),
  year: z.number().int().min(2019).max(2100),
  /** Also sum subordinates' reports that are still drafts (default: submitted and approved only). */
  includeDrafts: z.boolean().optional(),
};

type OrgName = ReportData['organisation'];

export interface Consolidation {
  organisation: { id: number; name: OrgName };
  year: number;
  format: FormatDef['id'];
  /** The summed figures (narrative empty but for the note on what was summed). */
  data: ReportData;
  /** Subordinate organisations whose report is in the sum. */
  included: { organisationId: number; name: OrgName; reportId: number; status: ReportRow['status'] }[];
  /** Subordinate organisations not in the sum: no report for the year, or only a draft. */
  missing: {
    organisationId: number;
    name: OrgName;
    reason: 'no-report' | 'draft';
    reportId: number | null;
  }[];
  /** Figures of 2019-format reports that the year's format has no cell for (not in the sum). */
  lost: { organisation: OrgName; cell: string; value: string }[];
  /** The rules of the format on the summed figures. */
  findings: Finding[];
  errors: number;
  warnings: number;
  /** The parent's own report for the year, which `consolidate.save` fills. */
  existing: { id: number; version: number; status: ReportRow['status'] } | null;
}

/** One cell of the 汇总 broken down by body: what each included report puts into the sum there. */
export interface Contributions {
  cell: string;
  /** The sum over every included report (not only this page). */
  sum: CellValue | null;
  /** How many reports are included, over all pages. */
  total: number;
  /** This page, in the order of `Consolidation.included`; `value` null: the report leaves the cell blank. */
  rows: { organisationId: number; name: OrgName; reportId: number; value: CellValue | null }[];
  /** Where the next page starts; null on the last page. */
  nextCursor: number | null;
}

const PAGE = { default: 50, max: 500 };

/** The scope of the 汇总, in the last narrative block (其他需要报告的事项), for the office to keep or edit. */
function scopeNote(year: number, included: Consolidation['included'], missing: Consolidation['missing']) {
  const zhNames = included.map((o) => o.name.zh).join('、');
  const enNames = included.map((o) => o.name.en ?? o.name.zh).join('; ');
  const zhMissing = missing.map((o) => o.name.zh).join('、');
  const enMissing = missing.map((o) => o.name.en ?? o.name.zh).join('; ');
  return {
    zh:
      `本报告表格数据为所属 ${included.length} 个单位${year}年度报告的汇总${included.length ? `（${zhNames}）` : ''}。` +
      (missing.length ? `${zhMissing}未报送${year}年度报告，未计入。` : ''),
    en:
      `The tables sum the ${year} reports of ${included.length} subordinate organisation(s)${included.length ? ` (${enNames})` : ''}.` +
      (missing.length ? ` Not included, no ${year} report submitted: ${enMissing}.` : ''),
  };
}

/** Who may consolidate which parent, in which format, over which subordinates: shared by every query here. */
async function scope(
  db: Db,
  user: SessionUser,
  input: { organisationId?: number; year: number },
): Promise<{ parent: OrganisationRow; format: FormatDef; subordinates: OrganisationRow[] }> {
  const organisationId = input.organisationId ?? user.organisation_id;
  if (!(await canRead(db, user, organisationId))) throw notFound(ORGANISATION);
  if (user.role === 'filler' || !(await canReview(db, user, organisationId))) {
    throw apiError('FORBIDDEN', {
      zh: '只有上级机关的审核人或管理员可以汇总下级机关的报告',
      en: "Only a reviewer or administrator of the parent organisation may consolidate its subordinates' reports",
    });
  }
  const format = formatForYear(input.year);
  if (!format) {
    throw apiError('BAD_REQUEST', {
      zh: `${input.year}年度没有统一的报告格式（自 2019 年度起）`,
      en: `There is no national report format for ${input.year} (formats exist from 2019)`,
    });
  }
  const parent = await getOrganisation(db, organisationId);
  if (!parent) throw notFound(ORGANISATION);
  // Direct subordinates only: a subordinate with units of its own consolidates them into its report first.
  const subordinates = await listChildren(db, organisationId);
  if (subordinates.length === 0) {
    throw apiError('PRECONDITION_FAILED', {
      zh: `${parent.name_zh}没有下级机关，无可汇总`,
      en: `${parent.name_en ?? parent.name_zh} has no subordinate organisations to consolidate`,
    });
  }
  return { parent, format, subordinates };
}

/** The included reports, a batch at a time, in the order the preview lists them. */
function includedReports(
  db: Db,
  subordinates: OrganisationRow[],
  input: { year: number; includeDrafts?: boolean },
) {
  return streamReports(db, {
    organisationIds: subordinates.map((o) => o.id),
    year: input.year,
    statuses: input.includeDrafts ? [...REPORT_STATUSES] : ['submitted', 'approved'],
  });
}

async function consolidation(
  db: Db,
  user: SessionUser,
  input: { organisationId?: number; year: number; includeDrafts?: boolean },
): Promise<{ result: Consolidation; parent: OrganisationRow; format: FormatDef }> {
  const { parent, format, subordinates } = await scope(db, user, input);
  // Which bodies have a report, and in which state, without their data.
  const states = new Map(
    (await listReports(db, { organisationIds: subordinates.map((o) => o.id), year: input.year })).map((r) => [
      r.organisation_id,
      r,
    ]),
  );
  const included: Consolidation['included'] = [];
  const missing: Consolidation['missing'] = [];
  const byId = new Map(subordinates.map((o) => [o.id, o]));
  for (const org of subordinates) {
    const row = states.get(org.id);
    if (!row || (row.status === 'draft' && !input.includeDrafts)) {
      missing.push({
        organisationId: org.id,
        name: organisationLabel(org),
        reason: row ? 'draft' : 'no-report',
        reportId: row?.id ?? null,
      });
    }
  }
  // The figures are summed a batch of reports at a time, each parsed once per version.
  const sum = new Consolidator(format, input.year);
  for await (const batch of includedReports(db, subordinates, input)) {
    for (const row of batch) {
      sum.add(versionData(db, row));
      const org = byId.get(row.organisation_id)!;
      included.push({
        organisationId: org.id,
        name: organisationLabel(org),
        reportId: row.id,
        status: row.status,
      });
    }
  }
  const summed = sum.result(organisationLabel(parent));
  const last = otherMattersBlock(format);
  const data: ReportData = {
    ...summed.data,
    narrative: { ...summed.data.narrative, [last.id]: scopeNote(input.year, included, missing) },
  };
  const existing = await findReport(db, parent.id, input.year);
  return {
    parent,
    format,
    result: {
      organisation: { id: parent.id, name: organisationLabel(parent) },
      year: input.year,
      format: format.id,
      data,
      included,
      missing,
      lost: summed.lost,
      findings: summed.findings,
      ...counts(summed.findings),
      existing: existing ? { id: existing.id, version: existing.version, status: existing.status } : null,
    },
  };
}

/** One cell's figure in each included report, a page at a time, and the cell's sum over all of them. */
async function contributions(
  db: Db,
  user: SessionUser,
  input: {
    organisationId?: number;
    year: number;
    includeDrafts?: boolean;
    cell: string;
    cursor?: number;
    limit?: number;
  },
): Promise<Contributions> {
  const { format, subordinates } = await scope(db, user, input);
  if (!cellIndex(format).has(input.cell)) {
    const message = {
      zh: `单元格（cell）「${input.cell}」不是${input.year}年度报告格式中的单元格`,
      en: `cell "${input.cell}" is not a cell of the ${input.year} report format`,
    };
    throw apiError('BAD_REQUEST', message, { issues: [{ path: ['cell'], message }] });
  }
  const from = input.cursor ?? 0;
  const to = from + (input.limit ?? PAGE.default);
  const byId = new Map(subordinates.map((o) => [o.id, o]));
  // Summed by the same Consolidator as the preview, so a 2019-format report counts as it does there.
  const sum = new Consolidator(format, input.year);
  const rows: Contributions['rows'] = [];
  let index = 0;
  for await (const batch of includedReports(db, subordinates, input)) {
    for (const row of batch) {
      const cells = sum.add(versionData(db, row));
      if (index >= from && index < to) {
        rows.push({
          organisationId: row.organisation_id,
          name: organisationLabel(byId.get(row.organisation_id)!),
          reportId: row.id,
          value: cells?.[input.cell] ?? null,
        });
      }
      index++;
    }
  }
  return {
    cell: input.cell,
    sum: sum.total(input.cell),
    total: index,
    rows,
    nextCursor: to < index ? to : null,
  };
}

export const consolidateRouter = router({
  /** The 汇总 of the parent's subordinates for a year, computed now; nothing is stored. */
  preview: authedProcedure
    .input(z.strictObject(target))
    .query(async ({ ctx, input }) => (await consolidation(ctx.db, ctx.user, input)).result),

  /**
   * What each included report puts into one cell of the 汇总, in pages (`cursor` from `nextCursor`):
   * the screen's breakdown of a cell in one request, however many bodies there are.
   */
  contributions: authedProcedure
    .input(
      z.strictObject({
        ...target,
        cell: z.string().min(1).max(200),
        cursor: z.number().int().min(0).max(2_147_483_647).optional(),
        limit: z.number().int().min(1).max(PAGE.max).optional(),
        // tRPC's infinite queries send which way they page; pages here only go forward.
        direction: z.enum(['forward', 'backward']).optional(),
      }),
    )
    .query(({ ctx, input }) => contributions(ctx.db, ctx.user, input)),

  /**
   * Stores the 汇总 as the parent organisation's report for the year: a new draft, or — when the
   * parent's report exists as a draft — a versioned save on top of `baseVersion` that replaces the
   * figures and keeps the narrative written so far (the earlier figures stay in the revisions).
   */
  save: authedProcedure
    .input(z.strictObject({ ...target, baseVersion: version.optional() }))
    .mutation(
      async ({ ctx, input }): Promise<Consolidation & { report: { id: number; version: number } }> => {
        const { result, parent, format } = await consolidation(ctx.db, ctx.user, input);
        if (!(await canWrite(ctx.db, ctx.user, parent.id))) {
          throw apiError('FORBIDDEN', {
            zh: '您可以查看汇总，但只有本机关人员或上级管理员可以把它存为本机关的报告',
            en: "You may view the consolidation, but only the organisation's own staff or an administrator above it may store it as its report",
          });
        }
        const existing = await findReport(ctx.db, parent.id, input.year);
        let report: { id: number; version: number };
        if (!existing) {
          const row = await createReport(ctx.db, {
            organisationId: parent.id,
            year: input.year,
            userId: ctx.user.id,
            initial: result.data,
            reason: 'consolidate',
          });
          report = { id: row.id, version: row.version };
        } else {
          if (input.baseVersion === undefined) {
            throw apiError('CONFLICT', {
              zh: `${parent.name_zh}的${input.year}年度报告已存在（第 ${existing.version} 版）：汇总将替换其中的表格数字，请确认后再保存`,
              en: `The ${input.year} report of ${parent.name_en ?? parent.name_zh} exists (version ${existing.version}): the consolidation replaces its figures; confirm to save`,
            });
          }
          const current = reportData(existing);
          const last = otherMattersBlock(format);
          const keep = current.narrative[last.id]?.zh ? {} : { [last.id]: result.data.narrative[last.id]! };
          const saved = await save(
            ctx.db,
            ctx.user,
            {
              id: existing.id,
              baseVersion: input.baseVersion,
              data: {
                ...result.data,
                organisation: current.organisation,
                narrative: { ...current.narrative, ...keep },
              },
            },
            'consolidate',
          );
          report = { id: existing.id, version: saved.version };
        }
        await audit(ctx.db, {
          action: 'report.consolidate',
          userId: ctx.user.id,
          reportId: report.id,
          detail: {
            year: input.year,
            included: result.included.map((o) => o.reportId),
            missing: result.missing.map((o) => o.organisationId),
          },
        });
        return {
          ...result,
          existing: { id: report.id, version: report.version, status: 'draft' },
          report,
        };
      },
    ),
});
