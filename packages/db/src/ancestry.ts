/**
 * Each body's ancestry, kept in `organisation_tree` (a closure table: one row per ancestor and
 * descendant, itself included at depth 0), so that "every body below X" is one range of the primary
 * key instead of a walk down `parent_id` on every call (measured at 20,000 bodies: the walk cost more
 * than the rest of the desk). Every write of an organisation's parent goes through here: creating a
 * body (`linkNew`), moving one with its subtree (`moveOrganisation`), the migration's backfill.
 */
import { type Kysely, sql } from 'kysely';
import { compiledOnce } from './compiled.ts';
import type { Db } from './database.ts';

/** Deepest ancestry stored: more levels than any administrative hierarchy, and a guard against a cycle. */
export const MAX_DEPTH = 32;

/**
 * The ancestry rows of bodies just inserted whose parents are already linked (a level of a tree at a
 * time, or one body): themselves at depth 0 and every ancestor of their parent one level further.
 */
export async function linkNew(db: Db, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .insertInto('organisation_tree')
    .values(ids.map((id) => ({ ancestor_id: id, descendant_id: id, depth: 0 })))
    .execute();
  await db
    .insertInto('organisation_tree')
    .columns(['ancestor_id', 'descendant_id', 'depth'])
    .expression((eb) =>
      eb
        .selectFrom('organisations as o')
        .innerJoin('organisation_tree as a', 'a.descendant_id', 'o.parent_id')
        .select(['a.ancestor_id', 'o.id', sql<number>`a.depth + 1`.as('depth')])
        .where('o.id', 'in', [...ids]),
    )
    .execute();
}

const ancestryRow = compiledOnce((db, ancestorId: number, id: number) =>
  db
    .selectFrom('organisation_tree')
    .select('depth')
    .where('ancestor_id', '=', ancestorId)
    .where('descendant_id', '=', id),
);

/** Whether `id` is `ancestorId` or below it: one primary-key lookup (every access check asks it). */
export async function isWithin(db: Db, ancestorId: number, id: number): Promise<boolean> {
  return (await ancestryRow(db, ancestorId, id)).length > 0;
}

/** The organisation and every organisation below it. */
export async function subtreeIds(db: Db, rootId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('organisation_tree')
    .select('descendant_id')
    .where('ancestor_id', '=', rootId)
    .orderBy('depth')
    .orderBy('descendant_id')
    .execute();
  return rows.map((r) => r.descendant_id);
}

/** Thrown when a body would be moved below itself. */
export class CycleError extends Error {
  constructor(
    readonly id: number,
    readonly parentId: number,
  ) {
    super(`organisation ${parentId} is ${id} or below it: ${id} cannot move there`);
  }
}

/**
 * Moves a body, with everything below it, under another parent (null: to the top) in one
 * transaction: `parent_id` and the ancestry rows of the whole subtree. Refuses (CycleError) a parent
 * that is the body itself or below it, and a tree deeper than MAX_DEPTH.
 */
export async function moveOrganisation(db: Db, id: number, parentId: number | null): Promise<void> {
  await inTransaction(db, async (trx) => {
    if (parentId !== null && (await isWithin(trx, id, parentId))) throw new CycleError(id, parentId);
    await trx.updateTable('organisations').set({ parent_id: parentId }).where('id', '=', id).execute();
    const subtree = trx.selectFrom('organisation_tree').select('descendant_id').where('ancestor_id', '=', id);
    // Unlink the subtree from the ancestors it leaves (the rows inside the subtree stay as they are).
    await trx
      .deleteFrom('organisation_tree')
      .where('descendant_id', 'in', subtree)
      .where('ancestor_id', 'not in', subtree)
      .execute();
    if (parentId === null) return;
    const deepest = await trx
      .selectFrom('organisation_tree as a')
      .innerJoin('organisation_tree as d', (j) => j.on('d.ancestor_id', '=', id))
      .select((eb) => eb.fn.max(sql<number>`a.depth + d.depth + 1`).as('depth'))
      .where('a.descendant_id', '=', parentId)
      .executeTakeFirst();
    if (Number(deepest?.depth ?? 0) > MAX_DEPTH) throw new CycleError(id, parentId);
    await trx
      .insertInto('organisation_tree')
      .columns(['ancestor_id', 'descendant_id', 'depth'])
      .expression((eb) =>
        eb
          .selectFrom('organisation_tree as a')
          .innerJoin('organisation_tree as d', (j) => j.on('d.ancestor_id', '=', id))
          .select(['a.ancestor_id', 'd.descendant_id', sql<number>`a.depth + d.depth + 1`.as('depth')])
          .where('a.descendant_id', '=', parentId),
      )
      .execute();
  });
}

/** Runs `f` in a transaction, or in the caller's when `db` already is one (`nianbao init`). */
export function inTransaction<T>(db: Db, f: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? f(db) : db.transaction().execute(f);
}

/**
 * Fills `organisation_tree` from `parent_id` for every body (the migration's backfill of a database
 * that has bodies already). The walk stops at MAX_DEPTH, so a cycle left in old data cannot loop.
 */
export async function backfillAncestry(db: Kysely<unknown>): Promise<void> {
  await sql`insert into organisation_tree (ancestor_id, descendant_id, depth)
    with recursive up(descendant_id, ancestor_id, depth) as (
      select id, id, 0 from organisations
      union all
      select up.descendant_id, o.parent_id, up.depth + 1
      from up join organisations o on o.id = up.ancestor_id
      where o.parent_id is not null and up.depth < ${MAX_DEPTH}
    )
    select ancestor_id, descendant_id, min(depth) from up group by ancestor_id, descendant_id`.execute(db);
}
