/**
 * The parent body's desk: one row per organisation below a root (the whole tree, not only direct
 * children) with its report for one year. Every figure comes from the database in a few queries,
 * whatever the size of the tree, written once for SQLite and PostgreSQL. The tree below the root is
 * one range of `organisation_tree`'s key (`ancestry.ts`). Two aggregates give the counts by status
 * (`deskCounts`), which also tell how many rows the usual filters match; the page's ids are chosen by
 * a query that joins only what its filters and sort read (sorted by name, the reports are not
 * touched); only the page's rows get every column.
 */
import { type RawBuilder, SqliteAdapter, sql } from 'kysely';
import type { Db } from './database.ts';

/** A report's state as the desk shows it: `none` when the body has no report for the year. */
export const DESK_STATUSES = ['none', 'draft', 'returned', 'submitted', 'approved'] as const;
export type DeskStatus = (typeof DESK_STATUSES)[number];

export const DESK_SORTS = [
  'name',
  'level',
  'status',
  'errors',
  'warnings',
  'updatedAt',
  'submittedAt',
  'approvedAt',
  'deadline',
] as const;
export type DeskSort = (typeof DESK_SORTS)[number];

/** The statutory deadline (1月31日 of the following year) when an organisation has none of its own. */
export const DEFAULT_DEADLINE = '01-31';

export interface DeskQuery {
  rootId: number;
  year: number;
  /** Today as `YYYY-MM-DD` (the caller's clock, so that tests can fix it). */
  today: string;
  status?: readonly DeskStatus[];
  /** Only bodies whose deadline has passed without a submitted or approved report. */
  overdue?: boolean;
  /** Part of the Chinese or English name, or of the Chinese name's 拼音 initials (「hzq」 finds 洪泽区…). */
  name?: string;
  /** Depth below the root: 1 = direct subordinates. */
  level?: number;
  sort?: DeskSort;
  desc?: boolean;
  /** 1-based. */
  page: number;
  size: number;
}

export interface DeskRow {
  organisationId: number;
  nameZh: string;
  nameEn: string | null;
  parentId: number | null;
  level: number;
  /** `YYYY-MM-DD`: the body's own deadline for this year's report. */
  deadline: string;
  status: DeskStatus;
  reportId: number | null;
  version: number | null;
  errors: number | null;
  warnings: number | null;
  updatedAt: string | null;
  updatedBy: string | null;
  submittedAt: string | null;
  submittedBy: number | null;
  approvedAt: string | null;
}

export type DeskCounts = Record<DeskStatus | 'overdue' | 'late' | 'total', number>;

/**
 * What a desk query joins besides the tree and the bodies: the year's reports, and the users who
 * saved them last (only the page's rows show a name).
 */
interface Joins {
  reports: boolean;
  users: boolean;
}

/**
 * The columns every desk query works on, one row per body below the root (a subquery named `desk`).
 * Without the reports joined, the report columns are absent rather than empty, so a filter or sort
 * that needs them fails loudly instead of reading every body as having no report.
 */
/** A body's deadline for the year's report as `YYYY-MM-DD`, from its organisations row `o`. */
const deadlineOf = (year: number) =>
  sql`(cast(${`${year + 1}-`} as text) || coalesce(o.deadline, ${DEFAULT_DEADLINE}))`;

function deskRows(q: Pick<DeskQuery, 'rootId' | 'year'>, joins: Joins) {
  const report = sql`,
      case when r.id is null then 'none'
           when r.status = 'draft' and r.returned_at is not null then 'returned'
           else r.status end as status,
      r.id as report_id, r.version, r.errors, r.warnings, r.updated_at,
      r.submitted_at, r.submitted_by, r.approved_at`;
  return sql`(
    select o.id as organisation_id, o.name_zh, o.name_en, o.name_initials, o.parent_id, t.depth as level,
      ${deadlineOf(q.year)} as deadline
      ${joins.reports ? report : sql``}
      ${joins.users ? sql`, u.display_name as updated_by` : sql``}
    from organisation_tree t
    join organisations o on o.id = t.descendant_id
    ${joins.reports ? sql`left join reports r on r.organisation_id = t.descendant_id and r.year = ${q.year}` : sql``}
    ${joins.users ? sql`left join users u on u.id = r.updated_by` : sql``}
    where t.ancestor_id = ${q.rootId} and t.depth > 0
  ) desk`;
}

/** Sorts that read only the body's own record, not its report. */
const BODY_SORTS: readonly DeskSort[] = ['name', 'level', 'deadline'];

/** Whether choosing the page reads the reports: a status or overdue filter, or a sort by a report column. */
function pageNeedsReports(q: DeskQuery): boolean {
  return (q.status?.length ?? 0) > 0 || q.overdue === true || !BODY_SORTS.includes(q.sort ?? 'name');
}

const overdue = (today: string) => sql`(status in ('none', 'draft', 'returned') and deadline < ${today})`;

const SORT_COLUMN: Record<DeskSort, RawBuilder<unknown>> = {
  name: sql`name_zh`,
  level: sql`level`,
  // The order a reader expects: nothing yet, then along the workflow.
  status: sql`case status when 'none' then 0 when 'draft' then 1 when 'returned' then 2 when 'submitted' then 3 else 4 end`,
  errors: sql`coalesce(errors, -1)`,
  warnings: sql`coalesce(warnings, -1)`,
  updatedAt: sql`coalesce(updated_at, '')`,
  submittedAt: sql`coalesce(submitted_at, '')`,
  approvedAt: sql`coalesce(approved_at, '')`,
  deadline: sql`deadline`,
};

/** `%` and `_` typed by the user match themselves. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function filters(q: DeskQuery): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`1 = 1`];
  if (q.status && q.status.length > 0) {
    parts.push(sql`status in (${sql.join(q.status.map((s) => sql`${s}`))})`);
  }
  if (q.overdue) parts.push(overdue(q.today));
  if (q.name) {
    const pattern = likePattern(q.name);
    parts.push(
      sql`(name_zh like ${pattern} escape '\\'
        or lower(coalesce(name_en, '')) like lower(cast(${pattern} as text)) escape '\\'
        or name_initials like ${pattern.toLowerCase()} escape '\\')`,
    );
  }
  if (q.level !== undefined) parts.push(sql`level = ${q.level}`);
  return sql.join(parts, sql` and `);
}

interface RawDeskRow {
  organisation_id: number;
  name_zh: string;
  name_en: string | null;
  parent_id: number | null;
  level: number | string;
  deadline: string;
  status: DeskStatus;
  report_id: number | null;
  version: number | null;
  errors: number | null;
  warnings: number | null;
  updated_at: string | null;
  updated_by: string | null;
  submitted_at: string | null;
  submitted_by: number | null;
  approved_at: string | null;
}

const OPTIMIZE_EVERY_MS = 10 * 60 * 1000;
const optimizedAt = new WeakMap<Db, number>();

/**
 * SQLite plans the desk's join through the (organisation, year) unique index, which reads each
 * report row past its data, until its statistics show the covering `reports_desk` index is better
 * (measured: 4× faster at 3,000 reports). `PRAGMA optimize` refreshes them only for tables that
 * changed much, so it is cheap to run now and then; PostgreSQL keeps its own statistics.
 */
async function keepStatistics(db: Db): Promise<void> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return;
  const last = optimizedAt.get(db) ?? 0;
  if (Date.now() - last < OPTIMIZE_EVERY_MS) return;
  optimizedAt.set(db, Date.now());
  await sql`pragma optimize = 0x10002`.execute(db);
}

/**
 * One page of the desk, the number of rows that match its filters, and the counts by status over the
 * whole tree (filters do not apply to those).
 */
export async function deskPage(
  db: Db,
  q: DeskQuery,
): Promise<{ rows: DeskRow[]; total: number; counts: DeskCounts }> {
  await keepStatistics(db);
  const order = SORT_COLUMN[q.sort ?? 'name'];
  const dir = q.desc ? sql`desc` : sql`asc`;
  const [counts, { rows }] = await Promise.all([
    deskCounts(db, q),
    sql<RawDeskRow>`select * from ${deskRows(q, { reports: true, users: true })}
      where organisation_id in (
        select organisation_id from ${deskRows(q, { reports: pageNeedsReports(q), users: false })}
        where ${filters(q)}
        order by ${order} ${dir}, organisation_id ${dir}
        limit ${q.size} offset ${(q.page - 1) * q.size})
      order by ${order} ${dir}, organisation_id ${dir}`.execute(db),
  ]);
  const total = await matching(db, q, counts);
  return {
    total,
    counts,
    rows: rows.map((r) => ({
      organisationId: r.organisation_id,
      nameZh: r.name_zh,
      nameEn: r.name_en,
      parentId: r.parent_id,
      level: Number(r.level),
      deadline: r.deadline,
      status: r.status,
      reportId: r.report_id,
      version: r.version,
      errors: r.errors,
      warnings: r.warnings,
      updatedAt: r.updated_at,
      updatedBy: r.updated_by,
      submittedAt: r.submitted_at,
      submittedBy: r.submitted_by,
      approvedAt: r.approved_at,
    })),
  };
}

/**
 * The number of rows the filters match: the counts tell it for no filter, for statuses alone and for
 * 「已逾期」 alone (the desk's buttons); a name or level filter, or statuses and overdue together,
 * count the rows they pick.
 */
async function matching(db: Db, q: DeskQuery, counts: DeskCounts): Promise<number> {
  const statuses = q.status ?? [];
  if (q.name === undefined && q.level === undefined) {
    if (!q.overdue) return statuses.length === 0 ? counts.total : statuses.reduce((n, s) => n + counts[s], 0);
    if (statuses.length === 0) return counts.overdue;
  }
  const { rows } = await sql<{ n: number | string }>`select count(*) as n
    from ${deskRows(q, { reports: pageNeedsReports(q), users: false })}
    where ${filters(q)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/**
 * Counts by status over the whole tree. Two aggregates: the bodies (how many, how many past their
 * deadline), and the year's reports of the bodies (by status, submitted late, done by a deadline that
 * has passed); a body without a report is `none`, an overdue body one past its deadline without a
 * submitted or approved report.
 *
 * The reports are read in the order that touches fewer index entries: along the year's reports
 * (`reports_year`, probing each body's ancestry) when the tree holds a good part of them, else body by
 * body. SQLite knows only the average subtree (a handful of bodies), so it would always pick the
 * latter, and for a large tree also read every report row to build a Bloom filter (measured at
 * 20,000 bodies: 90 ms against 35 ms); `cross join` fixes SQLite's order, PostgreSQL plans its own.
 */
async function deskCounts(db: Db, q: Pick<DeskQuery, 'rootId' | 'year' | 'today'>): Promise<DeskCounts> {
  const count = (cond: RawBuilder<unknown>) => sql`sum(case when ${cond} then 1 else 0 end)`;
  const deadline = deadlineOf(q.year);
  const { rows: bodyRows } = await sql<{
    total: number | string;
    past: number | string | null;
    reports: number | string;
  }>`
    select count(*) as total, ${count(sql`${deadline} < ${q.today}`)} as past,
      (select count(*) from reports where year = ${q.year}) as reports
    from organisation_tree t join organisations o on o.id = t.descendant_id
    where t.ancestor_id = ${q.rootId} and t.depth > 0`.execute(db);
  const bodies = { total: Number(bodyRows[0]?.total ?? 0), past: Number(bodyRows[0]?.past ?? 0) };
  const alongYear = Number(bodyRows[0]?.reports ?? 0) < 4 * bodies.total;
  const from = alongYear
    ? sql`reports r cross join organisation_tree t`
    : sql`organisation_tree t cross join reports r`;
  const { rows } = await sql<
    Record<'n' | 'draft' | 'returned' | 'submitted' | 'approved' | 'done' | 'late', number | string | null>
  >`
    select count(*) as n,
      ${count(sql`r.status = 'draft' and r.returned_at is null`)} as draft,
      ${count(sql`r.status = 'draft' and r.returned_at is not null`)} as returned,
      ${count(sql`r.status = 'submitted'`)} as submitted,
      ${count(sql`r.status = 'approved'`)} as approved,
      ${count(sql`r.status <> 'draft' and ${deadline} < ${q.today}`)} as done,
      ${count(sql`r.submitted_at is not null and substr(r.submitted_at, 1, 10) > ${deadline}`)} as late
    from ${from} cross join organisations o
    where t.ancestor_id = ${q.rootId} and t.depth > 0 and t.descendant_id = r.organisation_id
      and r.year = ${q.year} and o.id = r.organisation_id`.execute(db);
  const n = (key: keyof (typeof rows)[number]) => Number(rows[0]?.[key] ?? 0);
  return {
    total: bodies.total,
    none: bodies.total - n('n'),
    draft: n('draft'),
    returned: n('returned'),
    submitted: n('submitted'),
    approved: n('approved'),
    overdue: bodies.past - n('done'),
    late: n('late'),
  };
}
