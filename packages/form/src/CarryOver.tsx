/**
 * Where the carried-over figures (上年结转, 上年现行有效件数) come from — which version of last
 * year's report, approved or still a draft — and, when they differ from it (X-CARRY, R2-STOCK), the
 * filler's reason: a note the reviewer reads in the same place, which one click also puts into the
 * report as a sentence of 六 (其他需要报告的事项) when the body wants it published.
 */
import {
  blockName,
  hasCarryNote,
  mentionsCarryNote,
  otherMattersBlock,
  type ReportStatus,
  reportStatusLabels,
  say,
  withCarryNote,
} from '@nianbao/schema';
import { memo, useId, useMemo, useSyncExternalStore } from 'react';
import { useReportForm } from './context.ts';
import { words } from './i18n.ts';

/** The version of last year's report the carry-over comes from (null: there is none). */
export interface CarriedFrom {
  version: number;
  status: ReportStatus;
}

export const CarryOver = memo(function CarryOver({ from, year }: { from: CarriedFrom | null; year: number }) {
  const { store, lang, readOnly, format, writeNarrative } = useReportForm();
  const id = useId();
  const carryRules = useMemo(
    () => new Set(format.rules.filter((r) => r.type === 'carry' || r.type === 'stock').map((r) => r.id)),
    [format],
  );
  const differs = useSyncExternalStore(store.subscribe, () =>
    store.findings.some((f) => carryRules.has(f.rule)),
  );
  const note = useSyncExternalStore(store.subscribe, () => store.report.carryNote ?? '');
  const other = useMemo(() => otherMattersBlock(format), [format]);
  // Whether 六 says the note as it is now, says an older one, or says nothing about it.
  const inReport = useSyncExternalStore(store.subscribe, () => {
    const text = store.report.narrative[other.id]?.zh ?? '';
    return hasCarryNote(text, year, note, 'zh')
      ? 'current'
      : mentionsCarryNote(text, year, 'zh')
        ? 'stale'
        : 'none';
  });
  if (carryRules.size === 0) return null;
  const block = blockName(format, other)[lang];
  // The Chinese text always; the English only where the block is written in English too.
  const toReport = () => {
    for (const text of ['zh', 'en'] as const) {
      const current = store.report.narrative[other.id]?.[text] ?? '';
      if (text === 'en' && current === '') continue;
      writeNarrative(other.id, text, withCarryNote(current, year, note, text));
    }
  };
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
          {inReport === 'current' ? (
            <p className="nb-carry-in-report" role="status">
              {say(words.carryInReport, lang, { block })}
            </p>
          ) : (
            !readOnly &&
            note.trim() !== '' && (
              <button type="button" className="nb-draft-button nb-carry-to-report" onClick={toReport}>
                {say(inReport === 'stale' ? words.carryUpdate : words.carryToReport, lang, { block })}
              </button>
            )
          )}
        </>
      )}
    </div>
  );
});
