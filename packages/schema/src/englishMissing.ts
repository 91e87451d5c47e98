import type { FormatDef, ReportData } from './types.ts';

/**
 * The narrative blocks that print Chinese text but have no English for it, in reading order: the
 * English PDF refuses them, the bilingual one prints them in Chinese only, and the staff app names
 * them before either is asked for.
 */
export function blocksMissingEnglish(report: ReportData, format: FormatDef): string[] {
  const missing: string[] = [];
  for (const section of format.sections) {
    for (const block of section.narrative) {
      const text = report.narrative[block.id];
      if (text?.zh.trim() && !text.en?.trim()) missing.push(block.id);
    }
  }
  return missing;
}
