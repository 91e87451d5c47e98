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

export async function createOrganisation(db: Db, org: NewOrganisation): Promise<OrganisationRow> {
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

const organisationTree = compiledOnce((db) => db.selectFrom('organisations').select(['id', 'parent_id']));

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
  if (patch.parentId !== undefined) values.parent_id = patch.parentId;
  if (patch.deadline !== undefined) values.deadline = patch.deadline;
  for (const k of CONTACT) if (patch[k] !== undefined) values[k] = patch[k];
  if (Object.keys(values).length === 0) return getOrganisation(db, id);
  return db.updateTable('organisations').set(values).where('id', '=', id).returningAll().executeTakeFirst();
}

/**
 * The organisation and every organisation below it. Computed in memory: the tree of one
 * government's bodies is small, and this keeps the query the same in every dialect.
 */
export async function subtreeIds(db: Db, rootId: number): Promise<number[]> {
  const all = await organisationTree(db);
  const children = new Map<number, number[]>();
  for (const o of all) {
    if (o.parent_id === null) continue;
    const list = children.get(o.parent_id) ?? [];
    list.push(o.id);
    children.set(o.parent_id, list);
  }
  const out: number[] = [];
  const stack = [rootId];
  const seen = new Set<number>();
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}
