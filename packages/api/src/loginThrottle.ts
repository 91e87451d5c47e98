/**
 * The sign-in throttle, fair to people behind one address: failures are counted per (account,
 * address) pair, per account and per address, in the database (shared by every process, kept over a
 * restart). A pair that keeps failing waits, longer each time. An account failing from many addresses
 * waits too, but not at an address it has signed in from before: an attacker cannot lock the owner out
 * at their usual desk. Many failures from one address only slow its failed answers: colleagues behind
 * the same NAT still sign in. Nothing is locked for good; an administrator can clear an account's counts.
 */
import {
  accountFailures,
  type Db,
  type LoginAttempt,
  loginFailures,
  recordLoginFailure,
  recordLoginSuccess,
} from '@nianbao/db';

export interface LoginThrottleOptions {
  /** Failures of one account from one address before it waits (default 5). */
  perPair?: number;
  /** Failures of one account from everywhere before other addresses wait (default 2 × perPair). */
  perAccount?: number;
  /** Failures from one address before its failed answers are slowed (default 30). */
  perAddress?: number;
  /** The first wait; each further failure doubles it, up to 15 minutes (default 15 s). */
  baseDelayMs?: number;
  /** How long a failure counts (default 15 minutes). */
  windowMs?: number;
}

const FIFTEEN_MINUTES = 15 * 60 * 1000;
/** How much a failed answer is held back once an address has failed too often. */
const TARPIT_MS = 1000;

export class LoginThrottle {
  private readonly perPair: number;
  private readonly perAccount: number;
  private readonly perAddress: number;
  private readonly baseDelayMs: number;
  private readonly windowMs: number;

  constructor(
    private readonly db: Db,
    options: LoginThrottleOptions = {},
    private readonly clock: () => number = Date.now,
  ) {
    this.perPair = options.perPair ?? 5;
    this.perAccount = options.perAccount ?? this.perPair * 2;
    this.perAddress = options.perAddress ?? 30;
    this.baseDelayMs = options.baseDelayMs ?? 15_000;
    this.windowMs = options.windowMs ?? FIFTEEN_MINUTES;
  }

  private since(): string {
    return new Date(this.clock() - this.windowMs).toISOString();
  }

  /** Milliseconds left of the wait after `failures` (at least `threshold`), the last at `lastAt`. */
  private waitLeft(failures: number, threshold: number, lastAt: string): number {
    if (failures < threshold) return 0;
    const wait = Math.min(this.baseDelayMs * 2 ** Math.min(failures - threshold, 20), FIFTEEN_MINUTES);
    return Math.max(0, Date.parse(lastAt) + wait - this.clock());
  }

  /** Seconds the attempt must wait before it is tried, or 0. */
  async waitSeconds(attempt: LoginAttempt): Promise<number> {
    const counts = await loginFailures(this.db, attempt, this.since());
    const pair = counts.pair ? this.waitLeft(counts.pair.failures, this.perPair, counts.pair.lastAt) : 0;
    const account =
      counts.account && !counts.knownAddress
        ? this.waitLeft(counts.account.failures, this.perAccount, counts.account.lastAt)
        : 0;
    return Math.ceil(Math.max(pair, account) / 1000);
  }

  /** Counts a failure; resolves when its answer may go (later once the address has failed often). */
  async failed(attempt: LoginAttempt): Promise<void> {
    await recordLoginFailure(this.db, attempt, new Date(this.clock()).toISOString(), this.since());
    const counts = await loginFailures(this.db, attempt, this.since());
    if ((counts.address?.failures ?? 0) >= this.perAddress)
      await new Promise((r) => setTimeout(r, TARPIT_MS));
  }

  /** Each account's failed sign-ins that still count (for the administrator's list); lower-cased logins. */
  async failuresOf(accounts: string[]): Promise<Map<string, number>> {
    return accountFailures(this.db, accounts, this.since());
  }

  async succeeded(attempt: LoginAttempt): Promise<void> {
    await recordLoginSuccess(this.db, attempt, new Date(this.clock()).toISOString());
  }
}
