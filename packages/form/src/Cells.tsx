import { cellName, printedUnit, say } from '@nianbao/schema';
import type { ChangeEvent, ClipboardEvent, KeyboardEvent } from 'react';
import { memo, useEffect, useState, useSyncExternalStore } from 'react';
import { cellDomId, useReportForm } from './context.ts';
import { acceptsWhileTyping, cellField, halfWidth, pastedText, refusedChars } from './fields.ts';
import { type Direction, type GridModel, neighbour, parseClipboard, pastePlan } from './grid.ts';
import { kindHint, words } from './i18n.ts';

/**
 * `level|involved|invalid|message` of the finding shown at a cell, so that the cell re-renders only
 * when it changes. The colour marks the first cell of a finding; `invalid` (aria-invalid) every
 * cell of an error, so that a screen reader hears it on the figure that may be wrong, not only on
 * the one a fix would write.
 */
function useMarker(id: string): { level: string; involved: boolean; invalid: boolean; message: string } {
  const { store, lang } = useReportForm();
  const key = useSyncExternalStore(store.subscribe, () => {
    const involved = store.involved(id) ? '1' : '0';
    const invalid = store.invalid(id) ? '1' : '0';
    const level = store.marker(id);
    // Most cells have nothing to show: no search of the findings at their every keystroke.
    if (!level && invalid === '0') return `|${involved}|0|`;
    const finding = store.findings.find((f) =>
      level ? f.cells[0] === id && f.level === level : invalid === '1' && f.cells.includes(id),
    );
    return `${level}|${involved}|${invalid}|${finding?.message[lang] ?? ''}`;
  });
  const [level = '', involved, invalid, ...message] = key.split('|');
  return { level, involved: involved === '1', invalid: invalid === '1', message: message.join('|') };
}

function markerClass(base: string, marker: { level: string; involved: boolean }): string {
  return [base, marker.level && `nb-${marker.level}`, marker.involved && 'nb-involved']
    .filter(Boolean)
    .join(' ');
}

function arrowDirection(e: KeyboardEvent<HTMLInputElement>): Direction | undefined {
  const input = e.currentTarget;
  const start = input.selectionStart ?? 0;
  const end = input.selectionEnd ?? 0;
  const all = start === 0 && end === input.value.length;
  switch (e.key) {
    case 'ArrowUp':
      return 'up';
    case 'ArrowDown':
      return 'down';
    case 'Enter':
      return e.shiftKey ? 'up' : 'down';
    case 'ArrowLeft':
      return all || (start === 0 && end === 0) ? 'left' : undefined;
    case 'ArrowRight':
      return all || (start === input.value.length && end === start) ? 'right' : undefined;
    default:
      return undefined;
  }
}

const CellInput = memo(function CellInput({ id, model }: { id: string; model: GridModel }) {
  const ctx = useReportForm();
  const { form, store, index, lang, readOnly, notices } = ctx;
  const def = index.get(id)!;
  const marker = useMarker(id);
  const field = form.register(cellField(id));
  const unit = printedUnit(def.kind, def.columnLabel);
  const label = unit ? `${cellName(def, lang)}（${unit[lang]}）` : cellName(def, lang);

  // Why the last keystroke was refused, said at the cell itself (and read out), for a few seconds.
  const [refusal, setRefusalState] = useState({ text: '', ms: 5000 });
  const setRefusal = (text: string, ms = 5000) => setRefusalState({ text, ms });
  useEffect(() => {
    if (!refusal.text) return;
    const timer = setTimeout(() => setRefusalState({ text: '', ms: 5000 }), refusal.ms);
    return () => clearTimeout(timer);
  }, [refusal]);

  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const text = halfWidth(e.target.value);
    if (!acceptsWhileTyping(def.kind, text)) {
      const before = form.getValues(cellField(id)) ?? '';
      const refused = refusedChars(def.kind, text);
      e.target.value = before;
      setRefusal(
        say(refused ? words.refusedChars : words.refusedValue, lang, {
          chars: refused,
          hint: kindHint[def.kind][lang],
        }),
      );
      return;
    }
    setRefusal('');
    if (text !== e.target.value) e.target.value = text;
    field.onChange(e);
    store.setCellText(id, text);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return;
    const dir = arrowDirection(e);
    if (!dir) return;
    const next = neighbour(model, id, dir);
    if (next) {
      e.preventDefault();
      ctx.focusCell(next);
    } else if (e.key === 'Enter') {
      e.preventDefault();
    }
  };

  const onPaste = (e: ClipboardEvent<HTMLInputElement>) => {
    if (readOnly) return;
    e.preventDefault();
    const block = parseClipboard(e.clipboardData.getData('text/plain'));
    if (block.length === 1 && block[0]!.length === 1) {
      const text = pastedText(def.kind, block[0]![0]!);
      if (text === undefined) setRefusal(say(words.refusedValue, lang, { hint: kindHint[def.kind][lang] }));
      else ctx.writeCells([{ id, text }]);
      return;
    }
    const plan = pastePlan(model, id, block);
    ctx.writeCells(plan.writes);
    // A pasted total that its parts do not give is said: one of the figures may be missing or wrong.
    const differing = plan.totals.filter((t) => Number(store.value(t.id) ?? 0) !== Number(t.text));
    const { rows, columns } = plan.dropped;
    const extra = [
      plan.skipped > 0 ? say(words.pasteSkipped, lang, { m: plan.skipped }) : '',
      rows + columns > 0 ? say(words.pasteDropped, lang, { rows, columns }) : '',
      ...differing.map((t) =>
        say(words.pasteTotalDiffers, lang, {
          cell: cellName(index.get(t.id)!, lang),
          pasted: t.text,
          sum: String(store.value(t.id) ?? 0),
        }),
      ),
    ].join('');
    const message = say(words.pasted, lang, { n: plan.writes.length }) + extra;
    notices.show(message);
    if (extra) setRefusal(message, 12_000);
  };

  const input = (
    <input
      {...field}
      id={cellDomId(id)}
      aria-describedby={refusal.text ? `${cellDomId(id)}-refusal` : undefined}
      data-cell={id}
      className={markerClass('nb-cell', marker)}
      aria-label={label}
      aria-invalid={marker.invalid || undefined}
      title={marker.message || undefined}
      inputMode={def.kind === 'amount' ? 'decimal' : 'numeric'}
      autoComplete="off"
      spellCheck={false}
      placeholder="0"
      readOnly={readOnly}
      onChange={onChange}
      onKeyDown={onKeyDown}
      onPaste={onPaste}
      onFocus={(e) => e.currentTarget.select()}
    />
  );
  // Always wrapped, so that the input keeps its place in the tree (and the focus) when a refusal shows.
  return (
    <span className="nb-cell-wrap">
      {input}
      {refusal.text && (
        <span id={`${cellDomId(id)}-refusal`} className="nb-cell-refusal" role="alert">
          {refusal.text}
        </span>
      )}
    </span>
  );
});

const ComputedCell = memo(function ComputedCell({ id }: { id: string }) {
  const { store, index, lang } = useReportForm();
  const value = useSyncExternalStore(store.subscribe, () => String(store.value(id) ?? 0));
  const marker = useMarker(id);
  return (
    <output
      id={cellDomId(id)}
      data-cell={id}
      tabIndex={-1}
      // An <output> is a live region; totals changing under every keystroke would be read out.
      aria-live="off"
      className={markerClass('nb-computed', marker)}
      aria-label={`${cellName(index.get(id)!, lang)}（${words.computed[lang]}）`}
      title={marker.message || words.computed[lang]}
    >
      {value}
    </output>
  );
});

export function GridCellView({ id, model }: { id: string; model: GridModel }) {
  const { index, lang } = useReportForm();
  const def = index.get(id)!;
  if (def.computed) return <ComputedCell id={id} />;
  // An amount whose official label names no unit (2019 采购总金额) shows the unit it is kept in.
  const unit = printedUnit(def.kind, def.columnLabel);
  if (!unit) return <CellInput id={id} model={model} />;
  return (
    <span className="nb-with-unit">
      <CellInput id={id} model={model} />
      <span className="nb-unit" aria-hidden="true">
        {unit[lang]}
      </span>
    </span>
  );
}
