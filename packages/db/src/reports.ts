/**
 * Reports and their revisions. Every write of a report's data goes through `saveReportData`, which
 * applies it only on the version it was based on (optimistic locking) and stores a revision in the
 * same transaction, so no acknowledged save is lost or overwritten unseen.
 */

import type { ReportStatus } from '@nianbao/schema';
import { type QueryCreator, sql } from 'kysely';
import { compiledOnce } from './compiled.ts';
import type { Db } from './database.ts';
import { databaseKind, now } from './database.ts';
import type { RejectedSaveRow, ReportRow, ReportUpdate, RevisionRow, Schema } from './types.ts';

export interface NewReport {
  organisationId: number;
  year: number;
  format: string;
  data: string;
  errors: number;
  warnings: number;
  userId: number | null;
  status?: ReportStatus;
  reason?: string;
}

/** Inserts a report at version 1 with its first revision. Throws on a duplicate organisation + year. */
export async function insertReport(db: Db, report: NewReport): Promise<ReportRow> {
  const at = now();
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('reports')
      .values({
        organisation_id: report.organisationId,
        year: report.year,
        format: report.format,
        data: report.data,
        status: report.status ?? 'draft',
        version: 1,
        errors: report.errors,
        warnings: report.warnings,
        created_by: report.userId,
        created_at: at,
        updated_by: report.userId,
        updated_at: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('report_revisions')
      .values({
        report_id: row.id,
        version: 1,
        data: report.data,
        saved_by: report.userId,
        saved_at: at,
        reason: report.reason ?? 'create',
      })
      .execute();
    return row;
  });
}

const reportById = compiledOnce((db, id: number) =>
  db.selectFrom('reports').selectAll().where('id', '=', id),
);

export async function getReport(db: Db, id: number): Promise<ReportRow | undefined> {
  return (await reportById(db, id))[0];
}

const reportOfYear = compiledOnce((db, organisationId: number, year: number) =>
  db.selectFrom('reports').selectAll().where('organisation_id', '=', organisationId).where('year', '=', year),
);

export async function findReport(
  db: Db,
  organisationId: number,
  year: number,
): Promise<ReportRow | undefined> {
  return (await reportOfYear(db, organisationId, year))[0];
}

const versionOfYear = compiledOnce((db, organisationId: number, year: number) =>
  db
    .selectFrom('reports')
    .select(['id', 'version', 'status'])
    .where('organisation_id', '=', organisationId)
    .where('year', '=', year),
);

/** The id, current version and status of an organisation's report for a year, without reading its data. */
export async function findReportVersion(
  db: Db,
  organisationId: number,
  year: number,
): Promise<Pick<ReportRow, 'id' | 'version' | 'status'> | undefined> {
  return (await versionOfYear(db, organisationId, year))[0];
}

export type ReportSummaryRow = Omit<ReportRow, 'data'>;

/** Every column of a report but its data. */
const SUMMARY_COLUMNS = [
  'id',
  'organisation_id',
  'year',
  'format',
  'status',
  'version',
  'errors',
  'warnings',
  'created_by',
  'created_at',
  'updated_by',
  'updated_at',
  'submitted_by',
  'submitted_at',
  'approved_by',
  'approved_at',
  'return_comment',
  'returned_by',
  'returned_at',
] as const satisfies readonly (keyof ReportSummaryRow)[];

const reportSummaryById = compiledOnce((db, id: number) =>
  db.selectFrom('reports').select(SUMMARY_COLUMNS).where('id', '=', id),
);

/** A report without its data: what a check of access, status or version needs. */
export async function getReportSummary(db: Db, id: number): Promise<ReportSummaryRow | undefined> {
  return (await reportSummaryById(db, id))[0];
}

const summaryWithPreviousById = compiledOnce((db, id: number) =>
  db
    .selectFrom('reports')
    .leftJoin('reports as previous', (join) =>
      join
        .onRef('previous.organisation_id', '=', 'reports.organisation_id')
        .on('previous.year', '=', (eb) => eb(eb.ref('reports.year'), '-', 1)),
    )
    .select(SUMMARY_COLUMNS.map((c) => `reports.${c}` as const))
    .select([
      'previous.id as previous_id',
      'previous.version as previous_version',
      'previous.status as previous_status',
    ])
    .where('reports.id', '=', id),
);

/**
 * A report without its data, with the id, version and status of the same organisation's report of
 * the year before (what a save checks its carry-over against), in one query: a save runs it first.
 */
export async function getReportSummaryWithPrevious(
  db: Db,
  id: number,
): Promise<
  { report: ReportSummaryRow; previous: Pick<ReportRow, 'id' | 'version' | 'status'> | undefined } | undefined
> {
  const [row] = await summaryWithPreviousById(db, id);
  if (!row) return undefined;
  const { previous_id, previous_version, previous_status, ...report } = row;
  return {
    report,
    previous:
      previous_id === null || previous_version === null || previous_status === null
        ? undefined
        : { id: previous_id, version: previous_version, status: previous_status },
  };
}

export function listReports(
  db: Db,
  filter: { organisationIds: number[]; year?: number; status?: ReportStatus },
): Promise<ReportSummaryRow[]> {
  if (filter.organisationIds.length === 0) return Promise.resolve([]);
  let query = db
    .selectFrom('reports')
    .select(SUMMARY_COLUMNS)
    .where('organisation_id', 'in', filter.organisationIds);
  if (filter.year !== undefined) query = query.where('year', '=', filter.year);
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  return query.orderBy('year', 'desc').orderBy('organisation_id').execute();
}

/** Whose reports: one body's, or (`below`) also those of every body below it. */
export interface ReportScope {
  rootId: number;
  below: boolean;
}

export interface ReportsPageQuery {
  scope: ReportScope;
  /** Only this body's reports (none when it is outside the scope). */
  organisationId?: number;
  year?: number;
  status?: ReportStatus;
  /** 1-based. */
  page: number;
  size: number;
}

/**
 * One page of reports, newest year first, then by the body's name in 拼音 order (its initials, then
 * the name itself) and id, so that pages never overlap or skip a row; with the number of matching
 * reports (a window count on the page's rows, or a count of its own past the last page).
 */
export async function reportsPage(
  db: Db,
  q: ReportsPageQuery,
): Promise<{ rows: ReportSummaryRow[]; total: number }> {
  const { rootId, below } = q.scope;
  let query = db
    .selectFrom('reports')
    .innerJoin('organisations', 'organisations.id', 'reports.organisation_id')
    // The bodies below through their ancestry's key (`ancestry.ts`), not a list of their ids.
    .innerJoin('organisation_tree', (j) =>
      j
        .onRef('organisation_tree.descendant_id', '=', 'reports.organisation_id')
        .on('organisation_tree.ancestor_id', '=', rootId),
    );
  if (!below) query = query.where('reports.organisation_id', '=', rootId);
  if (q.organisationId !== undefined) query = query.where('reports.organisation_id', '=', q.organisationId);
  if (q.year !== undefined) query = query.where('reports.year', '=', q.year);
  if (q.status !== undefined) query = query.where('reports.status', '=', q.status);
  const rows = await query
    .select(SUMMARY_COLUMNS.map((c) => `reports.${c}` as const))
    .select(sql<number | string>`count(*) over ()`.as('total'))
    .orderBy('reports.year', 'desc')
    .orderBy('organisations.name_initials')
    .orderBy('organisations.name_zh')
    .orderBy('reports.id')
    .limit(q.size)
    .offset((q.page - 1) * q.size)
    .execute();
  let total = rows.length > 0 ? Number(rows[0]!.total) : 0;
  if (rows.length === 0 && q.page > 1) {
    const counted = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    total = Number(counted?.n ?? 0);
  }
  return { total, rows: rows.map(({ total: _, ...row }) => row) };
}

export type SaveOutcome =
  | { ok: true; report: ReportSummaryRow }
  /** The report moved on (another save) or left the draft status: nothing was written. */
  | { ok: false; reason: 'conflict' | 'status' | 'missing'; current?: ReportRow };

export interface SaveData {
  id: number;
  baseVersion: number;
  data: string;
  errors: number;
  warnings: number;
  userId: number | null;
  /** Why: `save`, `restore:<version>`. */
  reason: string;
}

/** The values of a save, in the order the update takes them. */
type DraftValues = [
  id: number,
  baseVersion: number,
  version: number,
  data: string,
  errors: number,
  warnings: number,
  userId: number | null,
  at: string,
];

/** The optimistic update of a draft: only on `baseVersion`, only while a draft. */
function draftUpdate(
  q: QueryCreator<Schema>,
  ...[id, baseVersion, version, data, errors, warnings, userId, at]: DraftValues
) {
  return (
    q
      .updateTable('reports')
      .set({ data, version, errors, warnings, updated_by: userId, updated_at: at })
      .where('id', '=', id)
      .where('version', '=', baseVersion)
      .where('status', '=', 'draft')
      // Not the data: the caller has it, and reading it back costs more than the rest of the update.
      .returning(SUMMARY_COLUMNS)
  );
}

// `compiledOnce` counts the builder's parameters, so they are spelled out here.
const updateDraft = compiledOnce(
  (
    db,
    id: number,
    baseVersion: number,
    version: number,
    data: string,
    errors: number,
    warnings: number,
    userId: number | null,
    at: string,
  ) => draftUpdate(db, id, baseVersion, version, data, errors, warnings, userId, at),
);

const insertRevision = compiledOnce(
  (db, reportId: number, version: number, data: string, userId: number | null, at: string, reason: string) =>
    db.insertInto('report_revisions').values({
      report_id: reportId,
      version,
      data,
      saved_by: userId,
      saved_at: at,
      reason,
    }),
);

/**
 * PostgreSQL: the update and its revision in one statement (one round trip instead of four with
 * BEGIN and COMMIT). A statement is atomic: the revision is written only with the update, and the
 * update only on `baseVersion` of a draft (under READ COMMITTED a concurrent save of the same
 * version waits for the row, sees the new version and updates nothing). The revision's author and
 * time are the update's own.
 */
const updateDraftWithRevision = compiledOnce(
  (
    db,
    id: number,
    baseVersion: number,
    version: number,
    data: string,
    errors: number,
    warnings: number,
    userId: number | null,
    at: string,
    reason: string,
  ) =>
    db
      .with('updated', (q) => draftUpdate(q, id, baseVersion, version, data, errors, warnings, userId, at))
      .with('revision', (q) =>
        q
          .insertInto('report_revisions')
          .columns(['report_id', 'version', 'data', 'saved_by', 'saved_at', 'reason'])
          .expression((eb) =>
            eb
              .selectFrom('updated')
              .select((u) => [
                'updated.id',
                'updated.version',
                u.val(data).as('data'),
                'updated.updated_by',
                'updated.updated_at',
                u.val(reason).as('reason'),
              ]),
          ),
      )
      .selectFrom('updated')
      .selectAll(),
);

/** Why a save wrote nothing: the report is gone, moved on (conflict), or no longer a draft. */
async function refusal(db: Db, save: SaveData): Promise<SaveOutcome> {
  const current = await db.selectFrom('reports').selectAll().where('id', '=', save.id).executeTakeFirst();
  if (!current) return { ok: false, reason: 'missing' };
  return { ok: false, reason: current.version !== save.baseVersion ? 'conflict' : 'status', current };
}

/** Writes new data on top of `baseVersion` of a draft, as version `baseVersion + 1`, with its revision. */
export async function saveReportData(db: Db, save: SaveData): Promise<SaveOutcome> {
  const at = now();
  const values: DraftValues = [
    save.id,
    save.baseVersion,
    save.baseVersion + 1,
    save.data,
    save.errors,
    save.warnings,
    save.userId,
    at,
  ];
  if (databaseKind(db) === 'postgres') {
    const [row] = await updateDraftWithRevision(db, ...values, save.reason);
    return row ? { ok: true, report: row } : refusal(db, save);
  }
  return db.transaction().execute(async (trx): Promise<SaveOutcome> => {
    const [row] = await updateDraft(trx, ...values);
    if (!row) return refusal(trx, save);
    await insertRevision(trx, save.id, row.version, save.data, save.userId, at, save.reason);
    return { ok: true, report: row };
  });
}

/**
 * Moves a report from one status to another when it is still at `version` and in `from`; the
 * data and version stay as they are. Returns the updated row, or the current one when refused.
 */
export async function changeStatus(
  db: Db,
  change: { id: number; version: number; from: ReportStatus[]; to: ReportStatus; set?: ReportUpdate },
): Promise<{ ok: true; report: ReportRow } | { ok: false; current?: ReportRow }> {
  const row = await db
    .updateTable('reports')
    .set({ ...change.set, status: change.to })
    .where('id', '=', change.id)
    .where('version', '=', change.version)
    .where('status', 'in', change.from)
    .returningAll()
    .executeTakeFirst();
  if (row) return { ok: true, report: row };
  return { ok: false, current: await getReport(db, change.id) };
}

export type RevisionSummaryRow = Omit<RevisionRow, 'data'> & { size: number };

/** The revisions of a report, newest first, without their data. */
export async function listRevisions(db: Db, reportId: number): Promise<RevisionSummaryRow[]> {
  const rows = await db
    .selectFrom('report_revisions')
    .select([
      'id',
      'report_id',
      'version',
      'saved_by',
      'saved_at',
      'reason',
      (eb) => eb.fn<number>('length', ['data']).as('size'),
    ])
    .where('report_id', '=', reportId)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, size: Number(r.size) }));
}

export function getRevision(db: Db, reportId: number, version: number): Promise<RevisionRow | undefined> {
  return db
    .selectFrom('report_revisions')
    .selectAll()
    .where('report_id', '=', reportId)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** Keeps the data of a save refused as stale, so the losing side of a conflict stays recoverable. */
export async function keepRejectedSave(
  db: Db,
  save: { reportId: number; baseVersion: number; data: string; userId: number | null },
): Promise<number> {
  const row = await db
    .insertInto('rejected_saves')
    .values({
      report_id: save.reportId,
      base_version: save.baseVersion,
      data: save.data,
      saved_by: save.userId,
      saved_at: now(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The refused saves of a report, newest first. */
export function listRejectedSaves(db: Db, reportId: number): Promise<RejectedSaveRow[]> {
  return db
    .selectFrom('rejected_saves')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('id', 'desc')
    .execute();
}
