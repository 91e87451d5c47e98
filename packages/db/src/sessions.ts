import { createHash, randomBytes } from 'node:crypto';
import { compiledOnce } from './compiled.ts';
import { type Db, now } from './database.ts';
import type { OrganisationRow, UserRow } from './types.ts';

function tokenId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Starts a session; returns the token for the cookie (only its hash is stored). */
export async function createSession(
  db: Db,
  userId: number,
  ttlMs: number,
  address: string | null,
): Promise<{ token: string; expiresAt: string }> {
  const token = randomBytes(32).toString('base64url');
  const created = new Date();
  const expiresAt = new Date(created.getTime() + ttlMs).toISOString();
  await db
    .insertInto('sessions')
    .values({
      id: tokenId(token),
      user_id: userId,
      created_at: created.toISOString(),
      expires_at: expiresAt,
      address,
    })
    .execute();
  return { token, expiresAt };
}

/** The user of a live session and their organisation, in one query: it runs before every request. */
const liveSessionUser = compiledOnce((db, id: string, at: string) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .selectAll('users')
    .select([
      'organisations.name_zh as organisation_name_zh',
      'organisations.name_en as organisation_name_en',
      'organisations.name_initials as organisation_name_initials',
      'organisations.parent_id as organisation_parent_id',
      'organisations.deadline as organisation_deadline',
      'organisations.address as organisation_address',
      'organisations.postcode as organisation_postcode',
      'organisations.phone as organisation_phone',
      'organisations.email as organisation_email',
      'organisations.created_at as organisation_created_at',
    ])
    .where('sessions.id', '=', id)
    .where('sessions.expires_at', '>', at),
);

/**
 * The user of a token's live session with their organisation (whose name and place every request
 * checks against), or undefined when the session is unknown or expired.
 */
export async function findSession(
  db: Db,
  token: string,
): Promise<{ user: UserRow; organisation: OrganisationRow } | undefined> {
  if (!token) return undefined;
  const [row] = await liveSessionUser(db, tokenId(token), now());
  if (!row) return undefined;
  const {
    organisation_name_zh,
    organisation_name_en,
    organisation_name_initials,
    organisation_parent_id,
    organisation_deadline,
    organisation_address,
    organisation_postcode,
    organisation_phone,
    organisation_email,
    organisation_created_at,
    ...user
  } = row;
  return {
    user,
    organisation: {
      id: user.organisation_id,
      name_zh: organisation_name_zh,
      name_en: organisation_name_en,
      name_initials: organisation_name_initials,
      parent_id: organisation_parent_id,
      deadline: organisation_deadline,
      address: organisation_address,
      postcode: organisation_postcode,
      phone: organisation_phone,
      email: organisation_email,
      created_at: organisation_created_at,
    },
  };
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', tokenId(token)).execute();
}

export async function deleteExpiredSessions(db: Db): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', now()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
