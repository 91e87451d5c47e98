/**
 * Beside each narrative textarea: the X-TEXT / Y-COPY findings on its text (clicking one selects
 * the sentence), and 「按表格生成」, which writes the standard sentences from the tables at the
 * cursor or over the passage drafted before; a drafted passage whose figures the tables no longer
 * match is marked stale with 「更新」.
 */
import {
  CONTACT_FIELDS,
  draftNarrative,
  findDraftedPassage,
  type Lang,
  type NarrativeBlock,
  say,
} from '@nianbao/schema';
import { memo, useRef, useSyncExternalStore } from 'react';
import { narrativeDomId, useReportForm } from './context.ts';
import { words } from './i18n.ts';

/** The findings on one block's text in one language, as marks the user can click. */
export const TextMarks = memo(function TextMarks({ block, text }: { block: NarrativeBlock; text: Lang }) {
  const { store, lang, selectText } = useReportForm();
  const findings = useSyncExternalStore(store.subscribe, () => store.findings);
  const marks = findings.filter((f) => f.range?.block === block.id && f.range.lang === text);
  if (marks.length === 0) return null;
  const source = store.report.narrative[block.id]?.[text] ?? '';
  return (
    <ul className="nb-text-marks">
      {marks.map((f) => {
        const range = f.range!;
        const sentence = source.slice(range.start, range.end);
        return (
          <li
            key={`${f.rule}:${range.start}:${f.span?.start ?? ''}`}
            className={`nb-text-mark nb-text-mark-${f.level}`}
          >
            <button type="button" data-rule={f.rule} onClick={() => selectText(range)}>
              <span className="nb-finding-tag">
                {words[f.level][lang]} · {f.rule}
              </span>
              <span className="nb-text-mark-sentence">
                {f.span && f.span.start >= range.start && f.span.end <= range.end ? (
                  <>
                    {source.slice(range.start, f.span.start)}
                    <mark>{source.slice(f.span.start, f.span.end)}</mark>
                    {source.slice(f.span.end, range.end)}
                  </>
                ) : sentence.length > 80 ? (
                  `${sentence.slice(0, 80)}…`
                ) : (
                  sentence
                )}
              </span>
              <span className="nb-finding-text">{f.message[lang]}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
});

type DraftState = 'none' | 'current' | 'stale';

/** 「按表格生成」 and, once the tables have changed under a drafted passage, 「更新」. */
export const DraftBar = memo(function DraftBar({ block, text }: { block: NarrativeBlock; text: Lang }) {
  const { store, format, contact, lang, readOnly, writeNarrative } = useReportForm();
  // Where the cursor stood when the button was pressed (the press itself moves the focus away).
  const cursor = useRef<number | undefined>(undefined);
  const state = useSyncExternalStore(store.subscribe, (): DraftState => {
    const passage = findDraftedPassage(
      format,
      store.report,
      block.id,
      text,
      store.report.narrative[block.id]?.[text] ?? '',
      { contact },
    );
    return passage ? (passage.current ? 'current' : 'stale') : 'none';
  });
  if (readOnly || !block.drafts?.length) return null;

  const write = () => {
    const current = store.report.narrative[block.id]?.[text] ?? '';
    const draft = draftNarrative(format, store.report, text, { contact }).find(
      (d) => d.block === block.id,
    )!.text;
    const passage = findDraftedPassage(format, store.report, block.id, text, current, { contact });
    const [start, end] = passage
      ? [passage.start, passage.end]
      : [cursor.current ?? current.length, cursor.current ?? current.length];
    writeNarrative(block.id, text, current.slice(0, start) + draft + current.slice(end));
    const el = document.getElementById(narrativeDomId(block.id, text)) as HTMLTextAreaElement | null;
    el?.focus();
    el?.setSelectionRange(start, start + draft.length);
  };
  const remember = () => {
    const el = document.getElementById(narrativeDomId(block.id, text)) as HTMLTextAreaElement | null;
    cursor.current = el && document.activeElement === el ? el.selectionStart : undefined;
  };

  // The opening is drafted from the organisation's record, not the tables; say what the record lacks.
  const fromRecord = block.drafts.includes('opening');
  const lacking = fromRecord ? CONTACT_FIELDS.filter((f) => !contact[f.key]?.trim()) : [];
  return (
    <div className={`nb-draft nb-draft-${state}`}>
      {state === 'stale' && (
        <span className="nb-draft-note" role="status">
          {words.draftStale[lang]}
        </span>
      )}
      {lacking.length > 0 && (
        <span className="nb-draft-note nb-contact-missing">
          {say(words.contactMissing, lang, {
            parts: lacking.map((f) => f[lang]).join(lang === 'zh' ? '、' : ', '),
          })}
        </span>
      )}
      <button type="button" className="nb-draft-button" onMouseDown={remember} onClick={write}>
        {state === 'stale'
          ? words.draftUpdate[lang]
          : fromRecord
            ? words.draftOpening[lang]
            : words.draft[lang]}
      </button>
    </div>
  );
});
