import { type Db, now } from './database.ts';
import type { AuditRow } from './types.ts';

export interface AuditEntry {
  action: string;
  userId?: number | null;
  login?: string | null;
  address?: string | null;
  reportId?: number | null;
  detail?: unknown;
}

/** Appends to the audit log (logins, status changes, account changes). */
export async function audit(db: Db, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: now(),
      action: entry.action,
      user_id: entry.userId ?? null,
      login: entry.login ?? null,
      address: entry.address ?? null,
      report_id: entry.reportId ?? null,
      detail: entry.detail === undefined ? null : JSON.stringify(entry.detail),
    })
    .execute();
}

export function listAudit(db: Db, filter: { reportId?: number; action?: string } = {}): Promise<AuditRow[]> {
  let query = db.selectFrom('audit_log').selectAll();
  if (filter.reportId !== undefined) query = query.where('report_id', '=', filter.reportId);
  if (filter.action !== undefined) query = query.where('action', '=', filter.action);
  return query.orderBy('id').execute();
}

/** The newest of a report's audit entries with one of these actions (its last status change, say). */
export function lastAudit(db: Db, reportId: number, actions: string[]): Promise<AuditRow | undefined> {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('report_id', '=', reportId)
    .where('action', 'in', actions)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}
