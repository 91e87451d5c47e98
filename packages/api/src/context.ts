import { type Db, findSession, type OrganisationRow, type UserRow } from '@nianbao/db';
import { readCookie, SESSION_COOKIE } from './cookies.ts';
import { LoginThrottle, type LoginThrottleOptions } from './loginThrottle.ts';
import type { DeskExporter } from './services/deskExport.ts';
import { inThreadUploadReader, type UploadReader } from './uploadReader.ts';

/** What the API needs from the process: the database and its settings. One per server. */
export interface ApiDeps {
  db: Db;
  /** How long a session lasts after login (default 12 hours). */
  sessionTtlMs: number;
  /** Mark the cookie `Secure` (behind HTTPS). */
  secureCookies: boolean;
  /** Failed sign-ins, counted in the database. */
  loginThrottle: LoginThrottle;
  /** Reads uploaded published reports (imports). */
  uploadReader: UploadReader;
  /** Builds the desk's spreadsheets. */
  deskExporter: DeskExporter;
}

export interface ApiOptions {
  db: Db;
  sessionTtlMs?: number;
  secureCookies?: boolean;
  /** The sign-in throttle's thresholds and waits. */
  loginThrottle?: LoginThrottleOptions;
  /** Default: in this thread, without a time limit (the server passes its worker pool). */
  uploadReader?: UploadReader;
  /**
   * Default: in this thread on `db` (tests, scripts). The server passes its worker pool: reading
   * 20,000 rows and building their workbook take seconds of CPU that would hold up every request.
   */
  deskExporter?: DeskExporter;
}

export function createApiDeps(options: ApiOptions): ApiDeps {
  return {
    db: options.db,
    sessionTtlMs: options.sessionTtlMs ?? 12 * 60 * 60 * 1000,
    secureCookies: options.secureCookies ?? false,
    loginThrottle: new LoginThrottle(options.db, options.loginThrottle),
    uploadReader: options.uploadReader ?? inThreadUploadReader,
    // Loaded when first used: exceljs alone takes half a second to load, and a server never needs it
    // in its main thread (it passes its export pool).
    deskExporter:
      options.deskExporter ??
      (async (job) => (await import('./services/deskExport.ts')).exportDesk(options.db, job)),
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
  return found ? { ...found.user, organisation: found.organisation } : null;
}
