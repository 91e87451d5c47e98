import { computeTotals, type FormatDef, type ReportData } from '@nianbao/schema';
import { useState } from 'react';
import type { Conflict } from './autosave.ts';
import { differences } from './differences.ts';
import { formatTime, t, useLang } from './i18n.ts';

type Side = 'theirs' | 'yours';

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
