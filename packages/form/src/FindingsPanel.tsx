import { say } from '@nianbao/schema';
import { memo, useSyncExternalStore } from 'react';
import { useReportForm } from './context.ts';
import { words } from './i18n.ts';
import type { FormFinding } from './store.ts';

function useCounts() {
  const { store } = useReportForm();
  const findings = useSyncExternalStore(store.subscribe, () => store.findings);
  const errors = findings.filter((f) => f.level === 'error').length;
  return { findings, errors, warnings: findings.length - errors };
}

/**
 * The counts in the sticky bar, opening the findings over the tables where the page is too narrow
 * for them to stand beside (1366 px at 125 %, 1280 px with a side bar): shown by the stylesheet
 * only there.
 */
export const FindingsToggle = memo(function FindingsToggle({
  open,
  onToggle,
}: {
  open: boolean;
  onToggle: () => void;
}) {
  const { lang, store } = useReportForm();
  // A string snapshot: the bar re-renders when a count changes, not at every keystroke.
  const counts = useSyncExternalStore(store.subscribe, () => {
    const errors = store.findings.filter((f) => f.level === 'error').length;
    return `${errors}|${store.findings.length - errors}`;
  });
  const [errors, warnings] = counts.split('|').map(Number) as [number, number];
  return (
    <button
      type="button"
      className={errors ? 'nb-findings-toggle nb-findings-toggle-error' : 'nb-findings-toggle'}
      aria-expanded={open}
      aria-controls={PANEL_ID}
      onClick={onToggle}
    >
      {words.errors[lang]} {errors} · {words.warnings[lang]} {warnings}
    </button>
  );
});

const PANEL_ID = 'nb-findings';

/** Every finding, errors first; a click moves to the cell to change; R3-BAL offers its balancing value. */
export const FindingsPanel = memo(function FindingsPanel({
  open,
  onClose,
}: {
  /** Where the findings lie over the tables (narrow pages): whether they are shown. */
  open: boolean;
  /** `refocus`: give the focus back to the count (Esc, ×), not when a finding took it to a cell. */
  onClose: (refocus: boolean) => void;
}) {
  const ctx = useReportForm();
  const { store, lang, readOnly, index } = ctx;
  const { findings, errors, warnings } = useCounts();

  const go = (f: FormFinding) => {
    // Over the tables the panel would hide the cell it leads to.
    if (open) onClose(false);
    if (f.range) ctx.selectText(f.range);
    else if (f.narrative) ctx.focusNarrative(f.narrative);
    else if (f.cells[0]) ctx.focusCell(f.cells[0]);
  };
  const canFix = (f: FormFinding) => !readOnly && f.fix && !index.get(f.fix.cell)?.computed;

  return (
    <aside
      id={PANEL_ID}
      className={open ? 'nb-findings nb-findings-open' : 'nb-findings'}
      aria-labelledby="nb-findings-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          onClose(true);
        }
      }}
    >
      <div className="nb-findings-head">
        <h2 id="nb-findings-title">{words.findings[lang]}</h2>
        <button type="button" className="nb-findings-close" onClick={() => onClose(true)}>
          ×<span className="nb-visually-hidden">{words.close[lang]}</span>
        </button>
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
