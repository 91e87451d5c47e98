/**
 * Fast seeding of many organisations and reports, for benchmarks and tests at the scale of a
 * province (tens of thousands of bodies): multi-row inserts in one transaction instead of one
 * round trip per row.
 */

import type { ReportStatus } from '@nianbao/schema';
import { sql } from 'kysely';
import { linkNew } from './ancestry.ts';
import { type Db, databaseKind, now } from './database.ts';
import { nameInitials } from './nameInitials.ts';

const BATCH = 200;

function batches<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

export interface SubordinateTree {
  /** The body everything is created below. */
  parentId: number;
  count: number;
  /** Children per body: the tree fills level by level. Default: all `count` directly below the parent. */
  fanout?: number;
  /** Names are `${prefix}${n}` (n from 1). */
  prefix: string;
  /** `MM-DD`, for every body created (default: none, the statutory 01-31). */
  deadline?: string | null;
}

/** Creates `count` bodies below the parent; returns their ids in creation order. */
export async function seedSubordinates(db: Db, tree: SubordinateTree): Promise<number[]> {
  const ids = await insertSubordinates(db, tree);
  await refreshStatistics(db, sql`organisations, organisation_tree`);
  return ids;
}

/**
 * Bulk inserts leave PostgreSQL planning for the tables as they were until autovacuum comes round
 * (measured: the desk at 20,000 bodies, planned as nested loops over "empty" tables, 121 ms; analysed, 85 ms); SQLite's
 * statistics are kept by the desk itself (`PRAGMA optimize`).
 */
async function refreshStatistics(db: Db, tables: ReturnType<typeof sql>): Promise<void> {
  if (databaseKind(db) === 'postgres') await sql`analyze ${tables}`.execute(db);
}

function insertSubordinates(db: Db, tree: SubordinateTree): Promise<number[]> {
  const at = now();
  // Digits keep themselves in the initials: convert the prefix once, not 20,000 names.
  const prefixInitials = nameInitials(tree.prefix);
  return db.transaction().execute(async (trx) => {
    const ids: number[] = [];
    let parents = [tree.parentId];
    let made = 0;
    while (made < tree.count) {
      const fanout = tree.fanout ?? tree.count;
      const level: { n: number; parent_id: number }[] = [];
      for (const parent of parents) {
        for (let i = 0; i < fanout && made + level.length < tree.count; i++) {
          level.push({ n: made + level.length + 1, parent_id: parent });
        }
      }
      const levelIds: number[] = [];
      for (const chunk of batches(level)) {
        const rows = await trx
          .insertInto('organisations')
          .values(
            chunk.map((o) => ({
              name_zh: `${tree.prefix}${o.n}`,
              name_initials: `${prefixInitials}${o.n}`,
              name_en: null,
              parent_id: o.parent_id,
              deadline: tree.deadline ?? null,
              created_at: at,
            })),
          )
          .returning('id')
          .execute();
        // Level by level, so that each body's parent is linked before it.
        await linkNew(
          trx,
          rows.map((r) => r.id),
        );
        levelIds.push(...rows.map((r) => r.id));
      }
      ids.push(...levelIds);
      made += level.length;
      parents = levelIds;
    }
    return ids;
  });
}

export interface BulkReports {
  organisationIds: number[];
  year: number;
  format: string;
  /** The report data as stored (JSON text), the same for every report. */
  data: string;
  errors?: number;
  warnings?: number;
  userId: number | null;
  /** The status of the n-th report (returned: a draft with a reviewer's comment). */
  status: (index: number) => ReportStatus | 'returned';
  /** When submitted reports were submitted (default now). */
  submittedAt?: (index: number) => string;
}

/** Inserts one report per organisation at version 1, with its revision; returns their ids. */
export async function seedReports(db: Db, reports: BulkReports): Promise<number[]> {
  const ids = await insertReports(db, reports);
  await refreshStatistics(db, sql`reports`);
  return ids;
}

function insertReports(db: Db, reports: BulkReports): Promise<number[]> {
  const at = now();
  return db.transaction().execute(async (trx) => {
    const ids: number[] = [];
    for (const [b, chunk] of batches(reports.organisationIds).entries()) {
      const rows = await trx
        .insertInto('reports')
        .values(
          chunk.map((organisationId, i) => {
            const index = b * BATCH + i;
            const state = reports.status(index);
            const submitted = state === 'submitted' || state === 'approved';
            const when = reports.submittedAt?.(index) ?? at;
            return {
              organisation_id: organisationId,
              year: reports.year,
              format: reports.format,
              data: reports.data,
              status: state === 'returned' ? 'draft' : state,
              version: 1,
              errors: reports.errors ?? 0,
              warnings: reports.warnings ?? 0,
              created_by: reports.userId,
              created_at: at,
              updated_by: reports.userId,
              updated_at: at,
              submitted_by: submitted ? reports.userId : null,
              submitted_at: submitted ? when : null,
              approved_by: state === 'approved' ? reports.userId : null,
              approved_at: state === 'approved' ? when : null,
              return_comment: state === 'returned' ? '请核对表格' : null,
              returned_by: state === 'returned' ? reports.userId : null,
              returned_at: state === 'returned' ? at : null,
            } as const;
          }),
        )
        .returning('id')
        .execute();
      await trx
        .insertInto('report_revisions')
        .values(
          rows.map((r) => ({
            report_id: r.id,
            version: 1,
            data: reports.data,
            saved_by: reports.userId,
            saved_at: at,
            reason: 'create',
          })),
        )
        .execute();
      ids.push(...rows.map((r) => r.id));
    }
    return ids;
  });
}
