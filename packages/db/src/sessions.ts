import { createHash, randomBytes } from 'node:crypto';
import { compiledOnce } from './compiled.ts';
import { type Db, now } from './database.ts';
import type { UserRow } from './types.ts';

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

/** The user of a live session, in one query: it runs before every request. */
const liveSessionUser = compiledOnce((db, id: string, at: string) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .where('sessions.id', '=', id)
    .where('sessions.expires_at', '>', at),
);

/** The user of a token's live session, or undefined when the session is unknown or expired. */
export async function findSession(db: Db, token: string): Promise<{ user: UserRow } | undefined> {
  if (!token) return undefined;
  const [user] = await liveSessionUser(db, tokenId(token), now());
  return user && { user };
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', tokenId(token)).execute();
}

export async function deleteExpiredSessions(db: Db): Promise<number> {
  const result = await db.deleteFrom('sessions').where('expires_at', '<=', now()).executeTakeFirst();
  return Number(result.numDeletedRows);
}
