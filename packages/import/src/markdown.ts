/**
 * Markdown as converters and chat tools write a report: 「# 标题」, pipe tables with a separator
 * row (|---|:--:|), **bold** labels. The marks are taken out line by line, so line numbers stay
 * those of the input; the pipes themselves are cell marks the text reader already ignores.
 */
import { dropSpanNotes, type Line, readNumber, type Token, textLines, tokeniseLine } from './lines.ts';

const SEPARATOR_ROW = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$/;

export function looksLikeMarkdown(text: string): boolean {
  const head = text.slice(0, 20_000);
  return /^\s*\|?\s*:?-{3,}:?\s*\|/m.test(head) || /^#{1,6}\s+\S/m.test(head);
}

/** A pipe-table row's cells as tokens, an empty cell kept as an empty token (as in an HTML row). */
function rowTokens(line: string): Token[] | undefined {
  const m = /^\s*\|(.*)\|\s*$/.exec(line);
  if (!m || SEPARATOR_ROW.test(line)) return undefined;
  return m[1]!.split('|').map((cell): Token => {
    const text = dropSpanNotes(cell)
      .replace(/\*\*|__/g, '')
      .replace(/<br\s*\/?>/gi, ' ')
      .trim();
    // A cell that held only a span note is the merged cell's continuation, not a blank figure.
    if (text === '') return cell.trim() === '' ? { type: 'empty', raw: '' } : { type: 'text', text: '' };
    const number = readNumber(text.replace(/\s+/g, ''));
    if (number) return number;
    const tokens = tokeniseLine(text);
    return tokens.length === 1 && tokens[0]!.type === 'empty' ? tokens[0]! : { type: 'text', text };
  });
}

export function markdownLines(text: string): Line[] {
  const rows = text.split(/\r\n|\r|\n/).map(rowTokens);
  const plain = text
    .split(/\r\n|\r|\n/)
    .map((line) =>
      SEPARATOR_ROW.test(line)
        ? ''
        : line
            .replace(/^\s*#{1,6}\s+/, '')
            .replace(/\*\*|__/g, '')
            .replace(/<br\s*\/?>/gi, ' '),
    )
    .join('\n');
  return textLines(plain).map((line, i) => {
    const tokens = rows[i];
    if (!tokens) return line;
    const raw = tokens.map((t) => (t.type === 'text' ? t.text : t.raw)).join(' ');
    return { no: line.no, raw, tokens, tableRow: true };
  });
}
