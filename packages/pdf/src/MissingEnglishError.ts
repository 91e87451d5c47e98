/**
 * An English report cannot silently fall back to Chinese paragraphs: the reader would get a
 * document that claims to be English and is not. The caller (CLI, server) shows this message.
 */
import {
  blockName,
  type FormatDef,
  getFormat,
  blocksMissingEnglish as missingEnglish,
  type ReportData,
} from '@nianbao/schema';

export class MissingEnglishError extends Error {
  override readonly name = 'MissingEnglishError';
  /** Ids of the narrative blocks that have Chinese text but no English, in reading order. */
  readonly blocks: string[];

  constructor(blocks: string[], names: string[]) {
    super(
      `English text is missing for ${blocks.length} narrative block(s): ${names.join('; ')}. ` +
        'Add the English text of these blocks, or render in zh or zh-en.',
    );
    this.blocks = blocks;
  }
}

/** The blocks that print Chinese text but have no English for it (the one rule, kept in @nianbao/schema). */
export function blocksMissingEnglish(
  report: ReportData,
  format: FormatDef = getFormat(report.format),
): string[] {
  return missingEnglish(report, format);
}

/** Throws MissingEnglishError when any block lacks English. */
export function assertEnglish(report: ReportData, format: FormatDef): void {
  const missing = blocksMissingEnglish(report, format);
  if (missing.length === 0) return;
  const names = missing.map((id) => {
    const block = format.sections.flatMap((s) => s.narrative).find((b) => b.id === id)!;
    return `${id} (${blockName(format, block).en})`;
  });
  throw new MissingEnglishError(missing, names);
}
