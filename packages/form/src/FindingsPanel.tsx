import { memo, useSyncExternalStore } from 'react';
import { useReportForm } from './context.ts';
import { say, words } from './i18n.ts';
import type { FormFinding } from './store.ts';

/** Every finding, errors first; a click moves to the cell to change; R3-BAL offers its balancing value. */
export const FindingsPanel = memo(function FindingsPanel() {
  const ctx = useReportForm();
  const { store, lang, readOnly, index } = ctx;
  const findings = useSyncExternalStore(store.subscribe, () => store.findings);
  const errors = findings.filter((f) => f.level === 'error').length;
  const warnings = findings.length - errors;

  const go = (f: FormFinding) => {
    if (f.range) ctx.selectText(f.range);
    else if (f.narrative) ctx.focusNarrative(f.narrative);
    else if (f.cells[0]) ctx.focusCell(f.cells[0]);
  };
  const canFix = (f: FormFinding) => !readOnly && f.fix && !index.get(f.fix.cell)?.computed;

  return (
    <aside className="nb-findings" aria-labelledby="nb-findings-title">
      <div className="nb-findings-head">
        <h2 id="nb-findings-title">{words.findings[lang]}</h2>
        <p className="nb-counts" aria-live="polite">
          <span className={errors ? 'nb-count nb-count-error' : 'nb-count'}>
            {words.errors[lang]} {errors}
          </span>
          <span className={warnings ? 'nb-count nb-count-warning' : 'nb-count'}>
            {words.warnings[lang]} {warnings}
          </span>
        </p>
        <p className="nb-findings-note">{words.ruleLevelNote[lang]}</p>
      </div>
      {findings.length === 0 ? (
        <p className="nb-ok">{words.noFindings[lang]}</p>
      ) : (
        <ol className="nb-finding-list">
          {findings.map((f, i) => (
            <li
              key={`${f.rule}:${f.cells[0] ?? f.narrative ?? i}`}
              className={`nb-finding nb-finding-${f.level}`}
              data-rule={f.rule}
            >
              <button
                type="button"
                className="nb-finding-go"
                onClick={() => go(f)}
                onMouseEnter={() => store.highlight(f.cells)}
                onMouseLeave={() => store.highlight(undefined)}
                onFocus={() => store.highlight(f.cells)}
                onBlur={() => store.highlight(undefined)}
              >
                <span className="nb-finding-tag">
                  {words[f.level][lang]} · {f.rule}
                </span>
                <span className="nb-finding-text">{f.message[lang]}</span>
              </button>
              {canFix(f) && (
                <button
                  type="button"
                  className="nb-fix"
                  onClick={() => {
                    ctx.writeCells([{ id: f.fix!.cell, text: String(f.fix!.value) }]);
                    ctx.focusCell(f.fix!.cell);
                  }}
                >
                  {say(words.applyFix, lang, { value: f.fix!.value })}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
});
