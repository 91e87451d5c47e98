/**
 * Whether the narrative blocks that a format marks `required` have been written. A report with an
 * empty required block is incomplete, so the finding is an error: it blocks submission.
 */
import { blockName, formatCells } from './cells.ts';
import { MAX_NARRATIVE_CHARS } from './reportSchema.ts';
import type { Finding } from './rules.ts';
import type { FormatDef, ReportData } from './types.ts';

export interface NarrativeFinding extends Finding {
  /** The narrative block to write. */
  narrative: string;
}

export function narrativeFindings(format: FormatDef, data: ReportData): NarrativeFinding[] {
  const out: NarrativeFinding[] = [];
  for (const section of format.sections) {
    for (const block of section.narrative) {
      const text = data.narrative[block.id];
      // Saving refuses such a text (reportSchema): say so where the findings are, in full.
      for (const lang of ['zh', 'en'] as const) {
        const length = text?.[lang]?.length ?? 0;
        if (length <= MAX_NARRATIVE_CHARS) continue;
        const name = blockName(format, block);
        const over = length - MAX_NARRATIVE_CHARS;
        out.push({
          rule: 'N-LEN',
          level: 'error',
          cells: [],
          narrative: block.id,
          message: {
            zh: `「${name.zh}」${lang === 'en' ? '的英文' : ''}有 ${length} 字，超过上限 ${MAX_NARRATIVE_CHARS} 字（多 ${over} 字），不能保存；请精简。`,
            en: `"${name.en}"${lang === 'en' ? ' (English)' : ''} has ${length} characters, ${over} over the limit of ${MAX_NARRATIVE_CHARS}, and cannot be saved; shorten it.`,
          },
        });
      }
      if (!block.required || (data.narrative[block.id]?.zh ?? '').trim() !== '') continue;
      const name = blockName(format, block);
      out.push({
        rule: 'N-REQ',
        level: 'error',
        cells: [],
        narrative: block.id,
        message: {
          zh: `「${name.zh}」尚未填写；请写明本部分内容。`,
          en: `"${name.en}" is empty; write this part.`,
        },
      });
    }
  }
  return out;
}

const isBlank = (v: ReportData['cells'][string] | undefined) => v === null || v === undefined || v === '';

/**
 * Tables left blank, and blank rows that every real report fills (一、本年新收…): a blank is
 * "not filled in yet", not "none" (a stated 0). Warnings: the report may still be submitted, with
 * the confirmation that it had no figures at all when every table is 0 (`allTablesZero`).
 */
export function blankTableFindings(format: FormatDef, data: ReportData): Finding[] {
  const out: Finding[] = [];
  for (const section of format.sections) {
    const table = section.table;
    if (!table) continue;
    const cells = formatCells(format).filter((c) => c.table === table.id && !c.computed);
    const blank = cells.filter((c) => isBlank(data.cells[c.id]));
    if (blank.length === cells.length) {
      out.push({
        rule: 'T-BLANK',
        level: 'warning',
        cells: [cells[0]!.id],
        message: {
          zh: `「${section.label.zh}」的表格还是空白；确无此类情况的，请填 0（可用「空格填 0」）。`,
          en: `The table of "${section.label.en}" is blank; where there were none, enter 0 ("Fill blanks with 0").`,
        },
      });
      continue;
    }
    if (table.type !== 'matrix') continue;
    for (const row of table.everyReportFills ?? []) {
      const inRow = cells.filter((c) => c.row === row);
      if (inRow.length === 0 || !inRow.every((c) => isBlank(data.cells[c.id]))) continue;
      const label = inRow[0]!.rowLabel!;
      out.push({
        rule: 'T-ROW',
        level: 'warning',
        cells: [inRow[0]!.id],
        message: {
          zh: `「${label.zh}」一行还是空白；每份报告都要填写此行，确无的请填 0。`,
          en: `The row "${label.en}" is blank; every report fills it in, with 0 where there were none.`,
        },
      });
    }
  }
  return out;
}

/** Whether every table of the report is 0 or blank: submitting it asks to confirm the body had none. */
export function allTablesZero(format: FormatDef, data: ReportData): boolean {
  return formatCells(format).every((c) => {
    const v = data.cells[c.id];
    return isBlank(v) || Number(v) === 0;
  });
}
