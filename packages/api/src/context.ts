import { type Db, findSession, getOrganisation, type OrganisationRow, type UserRow } from '@nianbao/db';
import { readCookie, SESSION_COOKIE } from './cookies.ts';
import { FailureLimiter } from './rateLimit.ts';
import { inThreadUploadReader, type UploadReader } from './uploadReader.ts';

/** What the API needs from the process: the database and its settings. One per server. */
export interface ApiDeps {
  db: Db;
  /** How long a session lasts after login (default 12 hours). */
  sessionTtlMs: number;
  /** Mark the cookie `Secure` (behind HTTPS). */
  secureCookies: boolean;
  /** Failed logins per account and per client address. */
  loginLimits: { perAccount: FailureLimiter; perAddress: FailureLimiter };
  /** Reads uploaded published reports (imports). */
  uploadReader: UploadReader;
}

export interface ApiOptions {
  db: Db;
  sessionTtlMs?: number;
  secureCookies?: boolean;
  /** Failed logins allowed per account / per address within 15 minutes (default 5 / 30). */
  maxFailedLogins?: { perAccount?: number; perAddress?: number };
  /** Default: in this thread, without a time limit (the server passes its worker pool). */
  uploadReader?: UploadReader;
}

const FIFTEEN_MINUTES = 15 * 60 * 1000;

export function createApiDeps(options: ApiOptions): ApiDeps {
  return {
    db: options.db,
    sessionTtlMs: options.sessionTtlMs ?? 12 * 60 * 60 * 1000,
    secureCookies: options.secureCookies ?? false,
    loginLimits: {
      perAccount: new FailureLimiter(options.maxFailedLogins?.perAccount ?? 5, FIFTEEN_MINUTES),
      perAddress: new FailureLimiter(options.maxFailedLogins?.perAddress ?? 30, FIFTEEN_MINUTES),
    },
    uploadReader: options.uploadReader ?? inThreadUploadReader,
  };
}

export interface SessionUser extends UserRow {
  organisation: OrganisationRow;
}

export interface Context {
  deps: ApiDeps;
  db: Db;
  /** The signed-in user, or null. */
  user: SessionUser | null;
  /** The session token from the cookie, when it names a live session. */
  token: string | null;
  /** The client's address as the server saw it (for rate limits and the audit log). */
  address: string | null;
  /** Adds a `Set-Cookie` header to the response. */
  setCookie: (value: string) => void;
}

export interface RequestInfo {
  cookieHeader: string | null | undefined;
  address: string | null;
  setCookie: (value: string) => void;
}

/** Resolves the session cookie of a request into the context every procedure receives. */
export async function createContext(deps: ApiDeps, request: RequestInfo): Promise<Context> {
  const token = readCookie(request.cookieHeader, SESSION_COOKIE) ?? null;
  const user = token ? await authenticate(deps.db, token) : null;
  return {
    deps,
    db: deps.db,
    user,
    token: user ? token : null,
    address: request.address,
    setCookie: request.setCookie,
  };
}

/** The user of a session token, or null when the session is unknown or expired. */
export async function authenticate(db: Db, token: string): Promise<SessionUser | null> {
  const found = await findSession(db, token);
  if (!found) return null;
  const organisation = await getOrganisation(db, found.user.organisation_id);
  return organisation ? { ...found.user, organisation } : null;
}
