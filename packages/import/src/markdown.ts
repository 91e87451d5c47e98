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

const isText = (t: Token | undefined) => t?.type === 'text' && t.text !== '';

/**
 * A converter that drops a merged group cell (「（三）不予公开」 spanning eight rows) from all but the
 * rows it printed it in keeps the table's width with an empty cell at the end of the others:
 * `| 1.属于国家秘密 | 4 | … | 4 |  |` beside `| （三）不 | 4.保护第三方合法权益 | 0 | … | 0 |`. In a
 * table where rows of that width begin with two labels, a row of the same width beginning with one
 * label and ending in an empty cell has lost the group cell: its last empty cell is the shift, not a
 * blank figure.
 */
function dropShiftedEnds(lines: string[], rows: (Token[] | undefined)[]): void {
  let start = 0;
  while (start < lines.length) {
    if (!/^\s*\|.*\|\s*$/.test(lines[start]!)) {
      start++;
      continue;
    }
    let end = start;
    while (end < lines.length && /^\s*\|.*\|\s*$/.test(lines[end]!)) end++;
    const block = rows.slice(start, end).filter((r): r is Token[] => r !== undefined);
    const grouped = new Set(
      block.filter((r) => isText(r[0]) && isText(r[1]) && r.length > 3).map((r) => r.length),
    );
    for (const row of block)
      if (grouped.has(row.length) && isText(row[0]) && !isText(row[1]) && row.at(-1)?.type === 'empty')
        row.pop();
    start = end;
  }
}

export function markdownLines(text: string): Line[] {
  const source = text.split(/\r\n|\r|\n/);
  const rows = source.map(rowTokens);
  dropShiftedEnds(source, rows);
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
