import { inTransaction, linkNew, moveOrganisation } from './ancestry.ts';
import { compiledOnce } from './compiled.ts';
import { type Db, now } from './database.ts';
import { nameInitials } from './nameInitials.ts';
import type { OrganisationRow } from './types.ts';

export interface NewOrganisation {
  nameZh: string;
  nameEn?: string | null;
  parentId?: number | null;
  deadline?: string | null;
  address?: string | null;
  postcode?: string | null;
  phone?: string | null;
  email?: string | null;
}

const CONTACT = ['address', 'postcode', 'phone', 'email'] as const;

/** A new body, linked into its parent's ancestry in the same transaction. */
export async function createOrganisation(db: Db, org: NewOrganisation): Promise<OrganisationRow> {
  return inTransaction(db, async (trx) => {
    const row = await insertOrganisation(trx, org);
    await linkNew(trx, [row.id]);
    return row;
  });
}

function insertOrganisation(db: Db, org: NewOrganisation): Promise<OrganisationRow> {
  return db
    .insertInto('organisations')
    .values({
      name_zh: org.nameZh,
      name_initials: nameInitials(org.nameZh),
      name_en: org.nameEn ?? null,
      parent_id: org.parentId ?? null,
      deadline: org.deadline ?? null,
      ...Object.fromEntries(CONTACT.map((k) => [k, org[k] ?? null])),
      created_at: now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

const organisationById = compiledOnce((db, id: number) =>
  db.selectFrom('organisations').selectAll().where('id', '=', id),
);

export async function getOrganisation(db: Db, id: number): Promise<OrganisationRow | undefined> {
  return (await organisationById(db, id))[0];
}

const childrenOf = compiledOnce((db, parentId: number) =>
  db.selectFrom('organisations').selectAll().where('parent_id', '=', parentId).orderBy('id'),
);

/** The organisations directly below one, in the order they were created. */
export function listChildren(db: Db, parentId: number): Promise<OrganisationRow[]> {
  return childrenOf(db, parentId);
}

/** The organisations with these ids (one query, for a page of rows that name them). */
export function getOrganisations(db: Db, ids: readonly number[]): Promise<OrganisationRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('organisations')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
}

export function listOrganisations(db: Db): Promise<OrganisationRow[]> {
  return db.selectFrom('organisations').selectAll().orderBy('id').execute();
}

/**
 * Changes a body's record. A new `parentId` moves it with everything below it (`moveOrganisation`:
 * refused with CycleError when the new parent is the body itself or below it).
 */
export async function updateOrganisation(
  db: Db,
  id: number,
  patch: Partial<NewOrganisation>,
): Promise<OrganisationRow | undefined> {
  const values: Partial<Omit<OrganisationRow, 'id'>> = {};
  if (patch.nameZh !== undefined) {
    values.name_zh = patch.nameZh;
    values.name_initials = nameInitials(patch.nameZh);
  }
  if (patch.nameEn !== undefined) values.name_en = patch.nameEn;
  if (patch.deadline !== undefined) values.deadline = patch.deadline;
  for (const k of CONTACT) if (patch[k] !== undefined) values[k] = patch[k];
  return inTransaction(db, async (trx) => {
    if (patch.parentId !== undefined) await moveOrganisation(trx, id, patch.parentId);
    if (Object.keys(values).length === 0) return getOrganisation(trx, id);
    return trx
      .updateTable('organisations')
      .set(values)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  });
}
