/** A desk row with what the reader wants to know about its deadline, computed for one day. */
import type { DeskRow } from '@nianbao/db';

export interface DeskEntry extends DeskRow {
  /** Days left to the deadline (negative: overdue), while no report is submitted; else null. */
  daysLeft: number | null;
  /** Days the report was submitted after the deadline; null when on time or not submitted. */
  daysLate: number | null;
}

const DAY = 86_400_000;
const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY);

export function deskEntry(row: DeskRow, today: string): DeskEntry {
  const open = row.status === 'none' || row.status === 'draft' || row.status === 'returned';
  const submittedOn = row.submittedAt?.slice(0, 10);
  const late = submittedOn && submittedOn > row.deadline ? days(row.deadline, submittedOn) : null;
  return { ...row, daysLeft: open ? days(today, row.deadline) : null, daysLate: late };
}
