/**
 * Failed sign-in counters (table `login_failures`), in portable SQL: an upsert that starts the count
 * afresh when the last failure is older than the window. The policy (how many, how long to wait)
 * belongs to the API.
 */
import type { Db } from './database.ts';

export interface LoginAttempt {
  /** The login as typed, lower-cased. */
  account: string;
  address: string;
}

export interface FailureCount {
  failures: number;
  /** ISO time of the last failure. */
  lastAt: string;
}

export interface LoginFailures {
  pair: FailureCount | undefined;
  account: FailureCount | undefined;
  address: FailureCount | undefined;
  /** The account has signed in from this address before. */
  knownAddress: boolean;
}

const keys = ({ account, address }: LoginAttempt) =>
  [
    { kind: 'pair', account, address },
    { kind: 'account', account, address: '' },
    { kind: 'address', account: '', address },
  ] as const;

/** The counts that concern an attempt, failures older than `since` (ISO) left out. */
export async function loginFailures(db: Db, attempt: LoginAttempt, since: string): Promise<LoginFailures> {
  const rows = await db
    .selectFrom('login_failures')
    .selectAll()
    .where((eb) =>
      eb.or(
        [
          ...keys(attempt),
          { kind: 'known' as const, account: attempt.account, address: attempt.address },
        ].map((k) =>
          eb.and([eb('kind', '=', k.kind), eb('account', '=', k.account), eb('address', '=', k.address)]),
        ),
      ),
    )
    .execute();
  const count = (kind: string): FailureCount | undefined => {
    const row = rows.find((r) => r.kind === kind);
    return row && row.last_at >= since ? { failures: row.failures, lastAt: row.last_at } : undefined;
  };
  return {
    pair: count('pair'),
    account: count('account'),
    address: count('address'),
    knownAddress: rows.some((r) => r.kind === 'known'),
  };
}

/** Counts a failure for the pair, the account and the address. */
export async function recordLoginFailure(
  db: Db,
  attempt: LoginAttempt,
  at: string,
  since: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const key of keys(attempt)) {
      await trx
        .insertInto('login_failures')
        .values({ ...key, failures: 1, last_at: at })
        .onConflict((oc) =>
          oc.columns(['kind', 'account', 'address']).doUpdateSet((eb) => ({
            failures: eb
              .case()
              .when('login_failures.last_at', '<', since)
              .then(1)
              .else(eb('login_failures.failures', '+', 1))
              .end(),
            last_at: at,
          })),
        )
        .execute();
    }
  });
}

/** A successful sign-in: the pair's count ends and the address becomes one the account is known at. */
export async function recordLoginSuccess(db: Db, attempt: LoginAttempt, at: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('login_failures')
      .where('kind', '=', 'pair')
      .where('account', '=', attempt.account)
      .where('address', '=', attempt.address)
      .execute();
    await trx
      .insertInto('login_failures')
      .values({ kind: 'known', account: attempt.account, address: attempt.address, failures: 0, last_at: at })
      .onConflict((oc) => oc.columns(['kind', 'account', 'address']).doUpdateSet({ last_at: at }))
      .execute();
  });
}

/** Each account's failed sign-ins (from every address) since `since` (ISO); accounts lower-cased. */
export async function accountFailures(
  db: Db,
  accounts: string[],
  since: string,
): Promise<Map<string, number>> {
  if (accounts.length === 0) return new Map();
  const rows = await db
    .selectFrom('login_failures')
    .select(['account', 'failures'])
    .where('kind', '=', 'account')
    .where('account', 'in', accounts)
    .where('last_at', '>=', since)
    .execute();
  return new Map(rows.map((r) => [r.account, r.failures]));
}

/**
 * An administrator's unlock: the account's failure counts, from every address, are forgotten.
 * Returns how many failed sign-ins the account had counted (its own row sums every address; the
 * number of rows deleted would say nothing to the administrator).
 */
export async function clearLoginFailures(db: Db, account: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const counted = await trx
      .selectFrom('login_failures')
      .select('failures')
      .where('kind', '=', 'account')
      .where('account', '=', account)
      .executeTakeFirst();
    await trx
      .deleteFrom('login_failures')
      .where('kind', 'in', ['pair', 'account'])
      .where('account', '=', account)
      .execute();
    return counted?.failures ?? 0;
  });
}

/** Drops counts older than `since` (the server sweeps now and then). */
export async function deleteOldLoginFailures(db: Db, since: string): Promise<void> {
  await db.deleteFrom('login_failures').where('kind', '!=', 'known').where('last_at', '<', since).execute();
}
