import type { ReportStatus } from '@nianbao/schema';
import { t, useLang } from './i18n.ts';

export function StatusBadge({ status }: { status: ReportStatus }) {
  const { say } = useLang();
  return <span className={`status status-${status}`}>{say(t[status])}</span>;
}
