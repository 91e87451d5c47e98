import {
  cellName,
  computeTotals,
  displayValue,
  type FormatDef,
  formatCells,
  type ReportData,
} from '@nianbao/schema';
import { useState } from 'react';
import type { Conflict } from './autosave.ts';
import { formatTime, t, useLang } from './i18n.ts';

type Side = 'theirs' | 'yours';

interface Difference {
  key: string;
  name: string;
  theirs: string;
  yours: string;
  apply: (target: ReportData, from: ReportData) => ReportData;
}

function differences(
  format: FormatDef,
  theirs: ReportData,
  yours: ReportData,
  lang: 'zh' | 'en',
): Difference[] {
  const out: Difference[] = [];
  for (const cell of formatCells(format)) {
    if (cell.computed) continue;
    const a = displayValue(theirs.cells[cell.id]);
    const b = displayValue(yours.cells[cell.id]);
    if (a === b) continue;
    out.push({
      key: `cell:${cell.id}`,
      name: cellName(cell, lang),
      theirs: a,
      yours: b,
      apply: (target, from) => ({
        ...target,
        cells: { ...target.cells, [cell.id]: from.cells[cell.id] ?? null },
      }),
    });
  }
  for (const section of format.sections) {
    for (const block of section.narrative) {
      for (const text of ['zh', 'en'] as const) {
        const a = theirs.narrative[block.id]?.[text] ?? '';
        const b = yours.narrative[block.id]?.[text] ?? '';
        if (a === b) continue;
        const name = `${section.label[lang]}${block.heading ? ` ${block.label[lang]}` : ''}${text === 'en' ? `（${lang === 'zh' ? '英文' : 'English'}）` : ''}`;
        out.push({
          key: `text:${block.id}:${text}`,
          name,
          theirs: a,
          yours: b,
          apply: (target, from) => {
            const current = target.narrative[block.id] ?? { zh: '' };
            const value = from.narrative[block.id]?.[text] ?? '';
            return {
              ...target,
              narrative: { ...target.narrative, [block.id]: { ...current, [text]: value } },
            };
          },
        });
      }
    }
  }
  if ((theirs.organisation.en ?? '') !== (yours.organisation.en ?? '')) {
    out.push({
      key: 'organisation.en',
      name: lang === 'zh' ? '机关英文名称' : 'Agency name in English',
      theirs: theirs.organisation.en ?? '',
      yours: yours.organisation.en ?? '',
      apply: (target, from) => ({
        ...target,
        organisation: { ...target.organisation, en: from.organisation.en },
      }),
    });
  }
  if ((theirs.date ?? '') !== (yours.date ?? '')) {
    out.push({
      key: 'date',
      name: lang === 'zh' ? '成文日期' : 'Date of the report',
      theirs: theirs.date ?? '',
      yours: yours.date ?? '',
      apply: (target, from) => ({ ...target, date: from.date }),
    });
  }
  return out;
}

/** Their saved values beside yours, item by item; the user chooses and the merge is saved on top of theirs. */
export function ConflictView({
  format,
  conflict,
  onResolve,
}: {
  format: FormatDef;
  conflict: Conflict;
  onResolve: (merged: ReportData) => void;
}) {
  const { lang, say } = useLang();
  const theirs = conflict.theirs.data;
  const diffs = differences(format, theirs, conflict.yours, lang);
  const [choice, setChoice] = useState<Record<string, Side>>({});
  const side = (key: string): Side => choice[key] ?? 'yours';
  const all = (s: Side) => setChoice(Object.fromEntries(diffs.map((d) => [d.key, s])));
  const merge = () => {
    let merged = theirs;
    for (const d of diffs) if (side(d.key) === 'yours') merged = d.apply(merged, conflict.yours);
    onResolve(computeTotals(format, merged));
  };
  const show = (text: string) => (text === '' ? say(t.empty) : text);
  return (
    <section className="card conflict" aria-labelledby="conflict-title">
      <h2 id="conflict-title">{say(t.conflictTitle)}</h2>
      <p>
        {say(t.conflictIntro, {
          who: conflict.theirs.updatedBy?.displayName ?? '—',
          at: formatTime(conflict.theirs.updatedAt, lang),
          n: conflict.theirs.version,
        })}
      </p>
      <div className="conflict-actions">
        <button type="button" className="btn" onClick={() => all('theirs')}>
          {say(t.useAllTheirs)}
        </button>
        <button type="button" className="btn" onClick={() => all('yours')}>
          {say(t.useAllYours)}
        </button>
        <button type="button" className="btn btn-primary" onClick={merge}>
          {say(t.mergeSave)}
        </button>
      </div>
      {diffs.length === 0 ? (
        <p>{say(t.noDifferences)}</p>
      ) : (
        <table className="data-table conflict-table">
          <thead>
            <tr>
              <th scope="col">{say(t.item)}</th>
              <th scope="col">{say(t.theirs)}</th>
              <th scope="col">{say(t.yours)}</th>
            </tr>
          </thead>
          <tbody>
            {diffs.map((d) => (
              <tr key={d.key} data-key={d.key}>
                <th scope="row">{d.name}</th>
                {(['theirs', 'yours'] as const).map((s) => (
                  <td key={s} className={side(d.key) === s ? 'chosen' : undefined}>
                    <label className="choice">
                      <input
                        type="radio"
                        name={d.key}
                        checked={side(d.key) === s}
                        onChange={() => setChoice((c) => ({ ...c, [d.key]: s }))}
                        aria-label={`${d.name}：${say(s === 'theirs' ? t.theirs : t.yours)}`}
                      />
                      <span className={d.key.startsWith('cell:') ? 'choice-value num' : 'choice-value'}>
                        {show(s === 'theirs' ? d.theirs : d.yours)}
                      </span>
                    </label>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
