import {
  blockName,
  cellName,
  displayValue,
  type FormatDef,
  formatCells,
  type ReportData,
} from '@nianbao/schema';

/**
 * What differs between two states of a report, cell by cell and text by text, named for the
 * user; each with a way to take one side's value (the conflict screen) — the history shows them.
 */
export interface Difference {
  key: string;
  name: string;
  theirs: string;
  yours: string;
  apply: (target: ReportData, from: ReportData) => ReportData;
}

export function differences(
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
        const name = `${blockName(format, block)[lang]}${text === 'en' ? `（${lang === 'zh' ? '英文' : 'English'}）` : ''}`;
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
