/**
 * Whether the narrative blocks that a format marks `required` have been written. A report with an
 * empty required block is incomplete, so the finding is an error: it blocks submission.
 */
import { blockName } from './cells.ts';
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
