import type { Role } from '@nianbao/schema';
import { compiledOnce } from './compiled.ts';
import { type Db, now } from './database.ts';
import { hashPassword } from './passwords.ts';
import type { UserRow } from './types.ts';

export interface NewUser {
  login: string;
  displayName: string;
  password: string;
  role: Role;
  organisationId: number;
}

export async function createUser(db: Db, user: NewUser): Promise<UserRow> {
  const at = now();
  return db
    .insertInto('users')
    .values({
      login: user.login,
      display_name: user.displayName,
      password_hash: await hashPassword(user.password),
      role: user.role,
      organisation_id: user.organisationId,
      created_at: at,
      password_changed_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

const userById = compiledOnce((db, id: number) => db.selectFrom('users').selectAll().where('id', '=', id));

export async function getUser(db: Db, id: number): Promise<UserRow | undefined> {
  return (await userById(db, id))[0];
}

export function findUserByLogin(db: Db, login: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('login', '=', login).executeTakeFirst();
}

export function listUsers(db: Db, organisationIds: number[]): Promise<UserRow[]> {
  if (organisationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .selectAll()
    .where('organisation_id', 'in', organisationIds)
    .orderBy('id')
    .execute();
}

export async function setUserRole(db: Db, id: number, role: Role): Promise<UserRow | undefined> {
  return db.updateTable('users').set({ role }).where('id', '=', id).returningAll().executeTakeFirst();
}

/** Sets a new password and ends every session of the user. */
export async function setUserPassword(db: Db, id: number, password: string): Promise<boolean> {
  const hash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('users')
      .set({ password_hash: hash, password_changed_at: now() })
      .where('id', '=', id)
      .executeTakeFirst();
    await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    return Number(result.numUpdatedRows) === 1;
  });
}
