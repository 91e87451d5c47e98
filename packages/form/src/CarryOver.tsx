/**
 * Where the carried-over figures (上年结转, 上年现行有效件数) come from — which version of last
 * year's report, approved or still a draft — and, when they differ from it (X-CARRY, R2-STOCK), the
 * filler's reason: a note the reviewer reads in the same place.
 */
import { type ReportStatus, reportStatusLabels, say } from '@nianbao/schema';
import { memo, useId, useMemo, useSyncExternalStore } from 'react';
import { useReportForm } from './context.ts';
import { words } from './i18n.ts';

/** The version of last year's report the carry-over comes from (null: there is none). */
export interface CarriedFrom {
  version: number;
  status: ReportStatus;
}

export const CarryOver = memo(function CarryOver({ from, year }: { from: CarriedFrom | null; year: number }) {
  const { store, lang, readOnly, format } = useReportForm();
  const id = useId();
  const carryRules = useMemo(
    () => new Set(format.rules.filter((r) => r.type === 'carry' || r.type === 'stock').map((r) => r.id)),
    [format],
  );
  const differs = useSyncExternalStore(store.subscribe, () =>
    store.findings.some((f) => carryRules.has(f.rule)),
  );
  const note = useSyncExternalStore(store.subscribe, () => store.report.carryNote ?? '');
  if (carryRules.size === 0) return null;
  const vars = {
    year: year - 1,
    n: from?.version ?? 0,
    status: from ? reportStatusLabels[from.status][lang] : '',
  };
  const draft = from !== null && from.status !== 'approved';
  const source = from === null ? words.carryNone : draft ? words.carryDraft : words.carryApproved;
  return (
    <div className={draft ? 'nb-carry nb-carry-draft' : 'nb-carry'} data-carry={from?.status ?? 'none'}>
      <p className="nb-carry-source">{say(source, lang, vars)}</p>
      {(differs || note !== '') && (
        <>
          <label htmlFor={`${id}-note`}>{words.carryNote[lang]}</label>
          <textarea
            id={`${id}-note`}
            className="nb-text nb-carry-note"
            rows={2}
            maxLength={2000}
            value={note}
            readOnly={readOnly}
            onChange={(e) => store.replace({ ...store.report, carryNote: e.target.value || undefined })}
          />
        </>
      )}
    </div>
  );
});
