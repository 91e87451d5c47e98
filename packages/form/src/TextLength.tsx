/**
 * A narrative block's length once it nears the limit a save accepts (MAX_NARRATIVE_CHARS): how many
 * characters are left, or how many are too many. Hidden below 90 % of the limit.
 */
import { type Lang, MAX_NARRATIVE_CHARS, type NarrativeBlock, say } from '@nianbao/schema';
import { useSyncExternalStore } from 'react';
import { useReportForm } from './context.ts';
import { words } from './i18n.ts';

const SHOWN_FROM = Math.floor(MAX_NARRATIVE_CHARS * 0.9);

export function TextLength({ block, text }: { block: NarrativeBlock; text: Lang }) {
  const { store, lang } = useReportForm();
  const length = useSyncExternalStore(
    store.subscribe,
    () => store.report.narrative[block.id]?.[text]?.length ?? 0,
  );
  if (length < SHOWN_FROM) return null;
  const over = length > MAX_NARRATIVE_CHARS;
  const vars = {
    n: length.toLocaleString('en'),
    max: MAX_NARRATIVE_CHARS.toLocaleString('en'),
    d: Math.abs(MAX_NARRATIVE_CHARS - length).toLocaleString('en'),
  };
  return (
    <p className={over ? 'nb-length nb-length-over' : 'nb-length'} data-length={length}>
      {say(over ? words.lengthOver : words.lengthLeft, lang, vars)}
    </p>
  );
}
