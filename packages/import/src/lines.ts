/**
 * The common shape every input is brought into before parsing: numbered lines of tokens. A line of
 * pdftotext output, a paragraph of a web page and a `<tr>` of an HTML table are all lines, so the
 * table readers work the same on each.
 */

export type Token =
  | { type: 'text'; text: string }
  /** A figure as printed, and its value: an integer or decimal string without separators or unit. */
  | { type: 'number'; value: string; raw: string }
  /** An empty table cell (HTML) or a cell holding “/” or “—”, which reports print for zero. */
  | { type: 'empty'; raw: string };

export interface Line {
  /** 1-based line number in the input. */
  no: number;
  /** The line as it appeared (for narrative text); for an HTML table row, its cells joined by spaces. */
  raw: string;
  tokens: Token[];
  /** The line is a row of an HTML table: its tokens are cells, in order. */
  tableRow?: boolean;
  /** The line is a whole paragraph (an HTML `<p>`), not a piece of one broken by a PDF. */
  paragraph?: boolean;
}

const NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(万元|元|件|个|项)?$/;
const ZERO_MARK = /^[/／—–－-]{1,2}$/;
const PAGE_NUMBER = /^\s*(?:[-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d{1,3}\s*页)\s*$/;

/** A printed figure read as a number: `13,810` → 13810, `251000元` → 万元 25.1. */
export function readNumber(piece: string): Token | undefined {
  const text = piece.normalize('NFKC').replace(/，/g, ',');
  const m = NUMBER.exec(text);
  if (!m) return undefined;
  const [, sign, int, frac = '', unit] = m;
  let value = `${sign === '-' ? '-' : ''}${int!.replace(/,/g, '')}${frac}`;
  if (unit === '元') value = yuanToWan(value);
  return { type: 'number', value, raw: piece };
}

/** 元 → 万元 by moving the decimal point, never through a float. */
function yuanToWan(value: string): string {
  const negative = value.startsWith('-');
  const [int, frac = ''] = value.replace('-', '').split('.');
  const digits = int!.padStart(5, '0');
  const whole = digits.slice(0, -4).replace(/^0+(?=\d)/, '');
  const decimals = `${digits.slice(-4)}${frac}`.replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${decimals ? `.${decimals}` : ''}`;
}

/** A line that is only a page number: `-3-`, `— 1 —`, `第 2 页`. */
export function isPageNumber(raw: string): boolean {
  return PAGE_NUMBER.test(raw);
}

/**
 * A merged cell's span written into the text by a converter or a copy — 「（跨 8 行）」, 「（合并 3 列）」,
 * 「rowspan="3"」, 「[colspan=2]」 — is layout, not content: its number is no figure of the table.
 */
const SPAN_NOTES = [
  /[[(（【]\s*(?:跨|合并)\s*\d+\s*(?:行|列)\s*[\])）】]/g,
  /[[(（【]?\s*\b(?:row|col)span\s*[=:：]?\s*["'“”]?\s*\d+\s*["'“”]?\s*[\])）】]?/gi,
];

export function dropSpanNotes(text: string): string {
  return SPAN_NOTES.reduce((out, note) => out.replace(note, ' '), text);
}

/**
 * One line of text as tokens: whitespace-separated pieces that are figures become numbers; the
 * other pieces, joined, are text. The `|` cell marks of copied web tables are dropped.
 */
export function tokeniseLine(raw: string): Token[] {
  const pieces = dropSpanNotes(raw)
    .replace(/\f/g, '')
    .split(/[\s\u00a0\u3000|]+/)
    .filter((p) => p !== '');
  const tokens: Token[] = [];
  for (const [i, piece] of pieces.entries()) {
    // A number inside an English sentence (「item 1 + item 2」 in a bilingual table note) is text.
    const inSentence =
      /[A-Za-z]$/.test(pieces[i - 1] ?? '') && /^[+=<>/&-]$|^[A-Za-z]/.test(pieces[i + 1] ?? '');
    const number = inSentence ? undefined : readNumber(piece);
    const token: Token =
      number ?? (ZERO_MARK.test(piece) ? { type: 'empty', raw: piece } : { type: 'text', text: piece });
    const last = tokens[tokens.length - 1];
    if (token.type === 'text' && last?.type === 'text') last.text += ` ${token.text}`;
    else tokens.push(token);
  }
  return tokens;
}

/** Plain text (pdftotext output or a copied page) as lines; page-number lines are left out. */
export function textLines(text: string): Line[] {
  const raws = text.split(/\r\n|\r|\n/);
  const lines = raws.map((raw, i) => {
    const clean = raw.replace(/\f/g, '');
    return { no: i + 1, raw: clean, tokens: isPageNumber(clean) ? [] : tokeniseLine(clean) };
  });
  // A bare page number (「3」) is the last thing on its page: the line before a form feed, or
  // the end of the text. It is no figure of the table it interrupts.
  const pageEnds = raws.flatMap((raw, i) => (raw.startsWith('\f') ? [i] : [])).concat(raws.length);
  for (const end of pageEnds) {
    for (let i = end - 1; i >= Math.max(0, end - 4); i--) {
      const line = lines[i]!;
      if (line.raw.trim() === '') continue;
      if (
        /^\s*\d{1,3}\s*$/.test(line.raw) &&
        (raws[i]!.match(/^\s*/)![0].length >= 10 || end === raws.length || raws[end]?.startsWith('\f'))
      ) {
        line.tokens = [];
      }
      break;
    }
  }
  return lines;
}

/** Whether every token of the line is a figure (a data row with no label on it). */
export function onlyFigures(line: Line): boolean {
  return line.tokens.length > 0 && line.tokens.every((t) => t.type !== 'text');
}

export function lineText(line: Line): string {
  return line.tokens
    .filter((t): t is Extract<Token, { type: 'text' }> => t.type === 'text')
    .map((t) => t.text)
    .join(' ');
}
