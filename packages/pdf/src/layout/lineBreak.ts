/**
 * Breaks text into lines that fit a width: Chinese between any two characters (避头尾 kept by
 * cjkBreak), English at spaces. A word wider than the whole line (an English word in a narrow
 * table column) is split where it fits, with a hyphen.
 */

import { syllables } from '@react-pdf/hyphenate/en-us';
import { breakPieces } from '../cjkBreak.ts';
import { type TextStyle, textWidth } from './faces.ts';
import { SLACK } from './ops.ts';

export interface Line {
  text: string;
  /** Natural width in points. */
  width: number;
  /** Spaces inside the line (for justifying English). */
  spaces: number;
}

interface Piece {
  text: string;
  width: number;
  space: boolean;
}

function pieces(text: string, style: TextStyle): Piece[] {
  const out: Piece[] = [];
  for (const token of text.split(/( +)/u)) {
    if (!token) continue;
    if (token[0] === ' ') out.push({ text: ' ', width: textWidth(style, ' '), space: true });
    else for (const p of breakPieces(token)) out.push({ text: p, width: textWidth(style, p), space: false });
  }
  return out;
}

const LATIN_WORD = /^[A-Za-z]{5,}$/u;

/**
 * Syllables of an English word (TeX patterns), split after its own hyphens too
 * (Public-interest → Pub lic- in ter est); the word itself when it has none.
 */
function syllablesOf(word: string): string[] {
  return word.split(/(?<=-)/u).flatMap((segment) => {
    const core = /^([A-Za-z]+)(.*)$/u.exec(segment);
    if (!core || !LATIN_WORD.test(core[1]!)) return [segment];
    // A copy: the hyphenator hands out its cached array.
    const parts = [...syllables(core[1]!)];
    parts[parts.length - 1] += core[2]!;
    return parts;
  });
}

/** A head of a word as printed at a line end: with a hyphen, unless it ends with its own. */
const withHyphen = (head: string) => (head.endsWith('-') ? head : `${head}-`);

/**
 * The longest head of `word` that fits in `room` points, at a syllable break, and the rest; or,
 * when `force`, at any letter (keeping three at least on each side when it can).
 */
function hyphenate(
  word: string,
  style: TextStyle,
  room: number,
  force: boolean,
): [Piece, string] | undefined {
  const parts = syllablesOf(word);
  for (let k = parts.length - 1; k > 0; k--) {
    const head = withHyphen(parts.slice(0, k).join(''));
    const width = textWidth(style, head);
    if (width <= room + SLACK) return [{ text: head, width, space: false }, parts.slice(k).join('')];
  }
  if (!force) return undefined;
  const chars = [...word];
  const keep = chars.length >= 6 ? 3 : 1;
  for (let k = chars.length - keep; k >= keep; k--) {
    const head = withHyphen(chars.slice(0, k).join(''));
    const width = textWidth(style, head);
    if (width <= room + SLACK) return [{ text: head, width, space: false }, chars.slice(k).join('')];
  }
  return undefined;
}

export interface BreakOptions {
  /** First-line indent in points. */
  indent?: number;
  /** English words may break at syllables, with a hyphen. */
  hyphenate?: boolean;
}

/**
 * The lines of `text` in `width` points. Spaces at the ends of a line are dropped. A word wider
 * than a whole line is split where it fits, with a hyphen.
 */
export function breakLines(
  text: string,
  style: TextStyle,
  width: number,
  options: BreakOptions = {},
): Line[] {
  const indent = options.indent ?? 0;
  const lines: Line[] = [];
  let current: Piece[] = [];
  let used = 0;
  const available = () => (lines.length === 0 ? width - indent : width);
  const push = (piece: Piece) => {
    current.push(piece);
    used += piece.width;
  };
  const flush = () => {
    while (current.length && current[current.length - 1]!.space) used -= current.pop()!.width;
    if (current.length)
      lines.push({
        text: current.map((p) => p.text).join(''),
        width: used,
        spaces: current.filter((p) => p.space).length,
      });
    current = [];
    used = 0;
  };
  const queue = pieces(text, style);
  // The last word is not hyphenated: its tail would stand alone on the last line.
  const lastWord = queue.findLast((p) => !p.space);
  for (let i = 0; i < queue.length; i++) {
    const piece = queue[i]!;
    if (piece.space) {
      if (current.length) push(piece);
      continue;
    }
    if (used + piece.width <= available() + SLACK) {
      push(piece);
      continue;
    }
    const alone = current.length === 0;
    const tooWide = piece.width > width + SLACK;
    const split =
      (options.hyphenate && piece !== lastWord) || tooWide
        ? hyphenate(piece.text, style, available() - used, alone && tooWide)
        : undefined;
    if (split) {
      push(split[0]);
      flush();
      queue.splice(i + 1, 0, { text: split[1], width: textWidth(style, split[1]), space: false });
      continue;
    }
    if (!alone) {
      flush();
      i--; // the piece again, on the new line
      continue;
    }
    push(piece);
  }
  flush();
  return lines;
}
