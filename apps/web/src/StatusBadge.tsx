import { t, useLang } from './i18n.ts';

export function StatusBadge({ status }: { status: 'draft' | 'submitted' | 'approved' }) {
  const { say } = useLang();
  return <span className={`status status-${status}`}>{say(t[status])}</span>;
}
