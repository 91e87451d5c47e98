/**
 * How many cells are still blank, and 「空格填 0」 to fill them with 0 on purpose. A blank cell is
 * kept blank through saving, so that nobody mistakes an unfilled cell for a stated 0; it still
 * counts as 0 in the totals and prints as 0.
 */
import { say } from '@nianbao/schema';
import { memo, useSyncExternalStore } from 'react';
import { useReportForm } from './context.ts';
import { words } from './i18n.ts';

export const BlankCells = memo(function BlankCells() {
  const { store, lang, readOnly, writeCells, notices } = useReportForm();
  const blank = useSyncExternalStore(store.subscribe, () => store.blankCells().length);
  if (blank === 0) return null;
  return (
    <div className="nb-blank" data-blank={blank}>
      <span className="nb-blank-count" title={words.blankHelp[lang]}>
        {say(words.blankCount, lang, { n: blank })}
      </span>
      {!readOnly && (
        <button
          type="button"
          className="nb-blank-fill"
          title={words.blankHelp[lang]}
          onClick={() => {
            const ids = store.blankCells();
            writeCells(ids.map((id) => ({ id, text: '0' })));
            notices.show(say(words.blankFilled, lang, { n: ids.length }));
          }}
        >
          {words.fillBlanks[lang]}
        </button>
      )}
    </div>
  );
});
