/**
 * Report logic shared by the router, the CLI and the demo seed: creating a report with last year's
 * carry-over, validating and checking data, and shaping rows for the client.
 */
import {
  type Db,
  findReport,
  findReportVersion,
  getOrganisation,
  getReport,
  getRevision,
  insertReport,
  lastAudit,
  type OrganisationRow,
  type ReportRow,
  type ReportSummaryRow,
} from '@nianbao/db';
import {
  blankTableFindings,
  checkReport,
  type Finding,
  fillTotals,
  formatForYear,
  getFormat,
  hasErrors,
  narrativeFindings,
  newReport,
  parseReport,
  type ReportData,
  type ReportStatus,
  reportTitle,
} from '@nianbao/schema';
import { apiError, badData } from '../errors.ts';
import { cachedReportData, rememberReportData } from './reportDataCache.ts';

export function organisationLabel(
  org: Pick<OrganisationRow, 'name_zh' | 'name_en'>,
): ReportData['organisation'] {
  return org.name_en ? { zh: org.name_zh, en: org.name_en } : { zh: org.name_zh };
}

/** The stored data of a report (validated when it was saved). */
export function reportData(row: Pick<ReportRow, 'data'>): ReportData {
  return JSON.parse(row.data) as ReportData;
}

/** Where the carried-over figures (上年结转, 上年现行有效件数) come from: a version of last year's report. */
export interface CarrySource {
  id: number;
  version: number;
  /** `approved` when an approved version is used; otherwise the report's status now (a draft, say). */
  status: ReportStatus;
  data: ReportData;
}

/**
 * Last year's report of the same organisation, for the carry-over (X-CARRY, R2-STOCK): its approved
 * version first, even when it has been reopened since; else what it holds now, said to be a draft.
 */
export async function carrySource(
  db: Db,
  organisationId: number,
  year: number,
  /** Last year's report as already read with this one (null: there is none); read here when absent. */
  known?: Pick<ReportRow, 'id' | 'version' | 'status'> | null,
): Promise<CarrySource | undefined> {
  const previous =
    known === undefined ? await findReportVersion(db, organisationId, year - 1) : (known ?? undefined);
  if (!previous) return undefined;
  let version = previous.version;
  let status = previous.status;
  if (status !== 'approved') {
    const approval = await lastAudit(db, previous.id, ['report.approve']);
    const approved = approval?.detail
      ? (JSON.parse(approval.detail) as { version?: number }).version
      : undefined;
    if (approved !== undefined) {
      version = approved;
      status = 'approved';
    }
  }
  const cached = cachedReportData(db, previous.id, version);
  if (cached) return { id: previous.id, version, status, data: cached };
  if (version === previous.version) {
    const row = await getReport(db, previous.id);
    return row ? { id: row.id, version: row.version, status, data: versionData(db, row) } : undefined;
  }
  const revision = await getRevision(db, previous.id, version);
  if (!revision) return undefined;
  const data = reportData(revision);
  rememberReportData(db, previous.id, version, data);
  return { id: previous.id, version, status, data };
}

/** The data of last year's report that the carry-over rules compare with (see `carrySource`). */
export async function previousYearData(
  db: Db,
  organisationId: number,
  year: number,
): Promise<ReportData | undefined> {
  return (await carrySource(db, organisationId, year))?.data;
}

/**
 * The data of a report row, parsed once per version (see reportDataCache.ts): the object is shared,
 * never change it.
 */
export function versionData(db: Db, row: Pick<ReportRow, 'id' | 'version' | 'data'>): ReportData {
  const cached = cachedReportData(db, row.id, row.version);
  if (cached) return cached;
  const data = reportData(row);
  rememberReportData(db, row.id, row.version, data);
  return data;
}

export interface CheckedData {
  data: ReportData;
  findings: Finding[];
  errors: number;
  warnings: number;
}

/**
 * Validates unknown input as the data of a report of `year`, recomputes every total and runs the
 * rules. Throws BAD_REQUEST with the issues when the input does not fit the schema.
 */
export function checkData(input: unknown, year: number, previous: ReportData | undefined): CheckedData {
  // A draft may leave required narrative empty; submission checks it (see `submissionIssues`).
  const parsed = parseReport(input, { draft: true });
  if (!parsed.ok) throw badData(parsed.issues);
  if (parsed.data.year !== year) {
    throw badData([
      {
        path: ['year'],
        message: {
          zh: `这是${year}年度的报告，数据中的年度（year）不能改为 ${parsed.data.year}`,
          en: `This is the ${year} report; the data's year cannot be changed to ${parsed.data.year}`,
        },
      },
    ]);
  }
  // The parsed data is new (the input is left as it was), so its totals are filled in place.
  const data = parsed.data;
  fillTotals(getFormat(data.format), data.cells);
  const findings = reportFindings(data, previous);
  return { data, findings, ...counts(findings) };
}

export function counts(findings: Finding[]): { errors: number; warnings: number } {
  const errors = findings.filter((f) => f.level === 'error').length;
  return { errors, warnings: findings.length - errors };
}

/**
 * Creates the report of an organisation for a year in the format the year requires, with 二、上年结转
 * and the 现行有效件数 stock pre-filled from last year's report when there is one. `initial` replaces
 * the blank data (used when importing or seeding an existing report).
 */
export async function createReport(
  db: Db,
  input: {
    organisationId: number;
    year: number;
    userId: number | null;
    initial?: unknown;
    status?: ReportRow['status'];
    /** The first revision's reason (default `create`, or `import` with `initial`). */
    reason?: string;
  },
): Promise<ReportRow> {
  const org = await getOrganisation(db, input.organisationId);
  if (!org) throw apiError('NOT_FOUND', { zh: '机关不存在', en: 'No such organisation' });
  if (!formatForYear(input.year)) {
    throw apiError('BAD_REQUEST', {
      zh: `${input.year}年度没有统一的报告格式（自 2019 年度起）`,
      en: `There is no national report format for ${input.year} (formats exist from 2019)`,
    });
  }
  if (await findReport(db, org.id, input.year)) {
    throw apiError('CONFLICT', {
      zh: `${org.name_zh}的${input.year}年度报告已存在，请打开它继续填写`,
      en: `The ${input.year} report of ${org.name_en ?? org.name_zh} already exists; open it instead`,
    });
  }
  const previous = await previousYearData(db, org.id, input.year);
  const initial =
    input.initial ?? newReport({ organisation: organisationLabel(org), year: input.year }, previous);
  const checked = checkData(initial, input.year, previous);
  try {
    return await insertReport(db, {
      organisationId: org.id,
      year: input.year,
      format: checked.data.format,
      data: JSON.stringify(checked.data),
      errors: checked.errors,
      warnings: checked.warnings,
      userId: input.userId,
      status: input.status,
      reason: input.reason ?? (input.initial === undefined ? 'create' : 'import'),
    });
  } catch (error) {
    // Two creations of the same report at once: the unique key lets only one in.
    if (await findReport(db, org.id, input.year)) {
      throw apiError('CONFLICT', { zh: '该年度报告已存在', en: 'The report for this year already exists' });
    }
    throw error;
  }
}

/**
 * Every finding on a report: the consistency rules and the required narrative blocks (N-REQ), errors
 * first. An error blocks submission.
 */
export function reportFindings(data: ReportData, previous: ReportData | undefined): Finding[] {
  const format = getFormat(data.format);
  const all = [
    ...narrativeFindings(format, data),
    ...blankTableFindings(format, data),
    ...checkReport(format, data, { previous }),
  ];
  return [...all.filter((f) => f.level === 'error'), ...all.filter((f) => f.level !== 'error')];
}

/** 第四十九条: county-level departments report by 31 January; other bodies' deadlines are set locally. */
const DEFAULT_DEADLINE = '01-31';

export interface UserRef {
  id: number;
  displayName: string;
}

export type UserNames = Map<number, string>;

/** A user as the API shows them, by id; null for none (e.g. not yet submitted). */
export function userRef(names: UserNames, id: number | null): UserRef | null {
  return id === null ? null : { id, displayName: names.get(id) ?? `#${id}` };
}

export interface ReportSummary {
  id: number;
  organisation: { id: number; name: ReportData['organisation'] };
  year: number;
  format: string;
  title: { zh: string; en: string };
  status: ReportRow['status'];
  /** When the report is due: the organisation's deadline (MM-DD, default 01-31) of the following year. */
  dueDate: string;
  version: number;
  errors: number;
  warnings: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: UserRef | null;
  submittedAt: string | null;
  submittedBy: UserRef | null;
  approvedAt: string | null;
  approvedBy: UserRef | null;
  /** Set when a reviewer sent the report back; cleared when it is submitted again. */
  returned: { comment: string; at: string; by: UserRef | null } | null;
}

export function summary(row: ReportSummaryRow, org: OrganisationRow, names: UserNames): ReportSummary {
  const name = organisationLabel(org);
  return {
    id: row.id,
    organisation: { id: org.id, name },
    year: row.year,
    format: row.format,
    title: reportTitle({ organisation: name, year: row.year }),
    status: row.status,
    dueDate: `${row.year + 1}-${org.deadline ?? DEFAULT_DEADLINE}`,
    version: row.version,
    errors: row.errors,
    warnings: row.warnings,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    updatedBy: userRef(names, row.updated_by),
    submittedAt: row.submitted_at,
    submittedBy: userRef(names, row.submitted_by),
    approvedAt: row.approved_at,
    approvedBy: userRef(names, row.approved_by),
    returned:
      row.return_comment !== null && row.returned_at !== null
        ? { comment: row.return_comment, at: row.returned_at, by: userRef(names, row.returned_by) }
        : null,
  };
}

export async function userNames(db: Db, ids: (number | null)[]): Promise<UserNames> {
  const wanted = [...new Set(ids.filter((i): i is number => i !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

export function summaryUserIds(row: ReportSummaryRow): (number | null)[] {
  return [row.updated_by, row.submitted_by, row.approved_by, row.returned_by];
}

export { hasErrors };
