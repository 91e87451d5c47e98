/**
 * Misprinted labels (X-LABEL): an official label that the text does not hold as such but holds
 * within a few edits. Other official labels are blanked out first, so that a label is never
 * "found" inside another one.
 */
import type { Label } from '@nianbao/schema';
import { findApprox, isSubsequence, normaliseLabel, tolerance } from './normalise.ts';
import type { RegionText } from './segments.ts';
import type { ImportFinding } from './types.ts';

export interface Misprint {
  official: Label;
  printed: string;
  line: number;
}

const MASK = '\u0000';

/** Lines after a wrapped label's first piece that may hold its next piece. */
const WRAP_LINES = 4;

/**
 * A group label wrapped inside its narrow merged cell (「（六）其」 … 「他处理」) has its pieces at the
 * starts of lines, with the sub-row labels of the next column on the lines between — and -layout
 * text may set a piece inside a sub-row label that wraps too (「…通知要」「他处理」「求缴纳…」).
 * The pieces are taken out of the text, so that neither the group label nor the sub-row label
 * around a piece is taken for a misprint; the labels so found are returned.
 */
function unwrapLabels(region: RegionText, labels: string[]): { region: RegionText; wrapped: Set<string> } {
  const starts = region.text
    .split('')
    .map((_, i) => i)
    .filter((i) => i === 0 || region.lineAt[i] !== region.lineAt[i - 1]);
  const lineEnd = (k: number) => starts[k + 1] ?? region.text.length;
  const drop = new Set<number>();
  const wrapped = new Set<string>();
  // Characters of labels printed whole are no piece of another: 「行政」 of 「行政事业性收费」 does
  // not begin a wrapped 「行政规范性文件」 whose rest 「规范性文件」 a converter printed on its own.
  const whole = new Set<number>();
  for (const label of labels) {
    if (label.length < 2) continue;
    for (let at = region.text.indexOf(label); at >= 0; at = region.text.indexOf(label, at + 1))
      for (let i = at; i < at + label.length; i++) whole.add(i);
  }
  const free = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (whole.has(i)) return false;
    return true;
  };
  /** Pieces of `rest` at the starts of the lines after line `k` (indices into `starts`), or undefined. */
  const pieces = (rest: string, k: number): [number, number][] | undefined => {
    for (let next = k + 1; next <= k + WRAP_LINES && next < starts.length; next++) {
      const at = starts[next]!;
      const line = region.text.slice(at, lineEnd(next));
      for (let n = Math.min(rest.length, line.length); n >= 1; n--) {
        if (line.slice(0, n) !== rest.slice(0, n) || !free(at, at + n)) continue;
        if (n === rest.length) return [[at, at + n]];
        const more = pieces(rest.slice(n), next);
        if (more) return [[at, at + n], ...more];
      }
    }
    return undefined;
  };
  for (const label of labels) {
    if (label.length < 2 || region.text.includes(label)) continue;
    for (let k = 0; k < starts.length && !wrapped.has(label); k++) {
      const line = region.text.slice(starts[k], lineEnd(k));
      // The first piece ends before the label does; a line holding the whole label is no wrap.
      for (let n = Math.min(label.length - 1, line.length); n >= 1; n--) {
        if (line.slice(0, n) !== label.slice(0, n) || !free(starts[k]!, starts[k]! + n)) continue;
        const more = pieces(label.slice(n), k);
        if (!more) continue;
        for (const [from, to] of [[starts[k]!, starts[k]! + n] as [number, number], ...more])
          for (let i = from; i < to; i++) drop.add(i);
        wrapped.add(label);
        break;
      }
    }
  }
  if (drop.size === 0) return { region, wrapped };
  const keep = (_: unknown, i: number) => !drop.has(i);
  return {
    region: {
      text: region.text.split('').filter(keep).join(''),
      lineAt: region.lineAt.filter(keep),
      source: region.source.filter(keep),
    },
    wrapped,
  };
}

export function findMisprints(whole: RegionText, expected: Label[], known: Label[]): Misprint[] {
  const { region, wrapped } = unwrapLabels(whole, [
    ...new Set([...expected, ...known].map((l) => normaliseLabel(l.zh))),
  ]);
  let masked = region.text;
  const byLength = [...new Set([...expected, ...known].map((l) => normaliseLabel(l.zh)))].sort(
    (a, b) => b.length - a.length,
  );
  for (const label of byLength) {
    let at = masked.indexOf(label);
    while (at >= 0) {
      masked = masked.slice(0, at) + MASK.repeat(label.length) + masked.slice(at + label.length);
      at = masked.indexOf(label, at + label.length);
    }
  }
  const out: Misprint[] = [];
  for (const label of expected) {
    const official = normaliseLabel(label.zh);
    if (region.text.includes(official) || wrapped.has(official)) continue;
    const match = findApprox(masked, official, tolerance(official));
    if (!match) continue;
    // An alignment may run into a neighbouring label's blanked-out characters at either end.
    let start = match.start;
    let end = match.end;
    while (start < end && masked[start] === MASK) start++;
    while (end > start && masked[end - 1] === MASK) end--;
    const printed = masked.slice(start, end);
    if (printed === '' || printed.includes(MASK)) continue;
    // A layout that interleaves a label's lines with a neighbouring column's still has all its characters in order.
    // (English lines of a bilingual PDF in between are left out of the count.)
    const before = region.text
      .slice(Math.max(0, start - official.length * 40), start)
      .replace(/[A-Za-z]/g, '');
    const after = region.text.slice(start, start + official.length * 40).replace(/[A-Za-z]/g, '');
    const window = before.slice(-official.length) + after.slice(0, Math.ceil(official.length * 2.5));
    if (isSubsequence(official, window)) continue;
    // A group label wrapped inside its narrow merged cell (「（三）不」 … 「予公开」) has the sub-row
    // labels of the next column between its pieces: with those taken out, its characters are close.
    const around =
      masked.slice(0, start).split(MASK).join('').slice(-official.length) +
      masked
        .slice(start)
        .split(MASK)
        .join('')
        .slice(0, Math.ceil(official.length * 2.5));
    if (isSubsequence(official, around.replace(/[A-Za-z]/g, ''))) continue;
    out.push({
      official: label,
      printed: region.source.slice(start, end).join(''),
      line: region.lineAt[start] ?? 0,
    });
  }
  return out;
}

/** Letters and digits only: 「1、属于国家秘密」 and 「1.属于国家秘密」 differ in punctuation alone. */
const wording = (text: string) => normaliseLabel(text).replace(/[^\p{L}\p{N}]/gu, '');

/**
 * A later piece of a wrapped group label set inside a sub-row label that wraps too (-layout text:
 * 「2、…通知要」「他处理」「求缴纳…」 beside 「（六）其」): where the piece is, when taking it out
 * leaves the official label's wording. `printed` and `official` are normalised.
 */
export function groupPieceIn(
  printed: string,
  official: string,
  groups: string[],
): [number, number] | undefined {
  for (const group of groups)
    for (let from = 1; from < group.length; from++)
      for (let to = from + 2; to <= group.length; to++) {
        const piece = group.slice(from, to);
        for (let at = printed.indexOf(piece); at >= 0; at = printed.indexOf(piece, at + 1))
          if (wording(printed.slice(0, at) + printed.slice(at + piece.length)) === wording(official))
            return [at, at + piece.length];
      }
  return undefined;
}

/**
 * A deviation in punctuation alone is a warning; so is a label that stops short of the official
 * wording (「（六）其他」 for 「（六）其他处理」): a cell too narrow for it, or a converter, may have cut
 * it, and the published page may well be right. One in wording is an error (or `level`).
 */
export function misprintFinding(m: Misprint, level: 'error' | 'warning' = 'error'): ImportFinding {
  const printed = wording(m.printed);
  const official = wording(m.official.zh);
  const punctuationOnly = printed === official;
  const cut = !punctuationOnly && printed.length >= 2 && official.startsWith(printed);
  return {
    rule: 'X-LABEL',
    level: punctuationOnly || cut ? 'warning' : level,
    cells: [],
    expected: m.official.zh,
    actual: m.printed,
    line: m.line,
    message: cut
      ? {
          zh: `第 ${m.line} 行的标签印为「${m.printed}」，比官方格式「${m.official.zh}」少了末尾的字，可能是排版或转换时截断；请核对原件。`,
          en: `Line ${m.line} prints the label "${m.printed}", which stops short of the official "${m.official.zh}" (${m.official.en}); it may have been cut in layout or conversion. Check the original.`,
        }
      : punctuationOnly
        ? {
            zh: `第 ${m.line} 行的标签印为「${m.printed}」，只有标点与官方格式「${m.official.zh}」不同；宜按官方格式统一。`,
            en: `Line ${m.line} prints the label "${m.printed}", which differs from the official "${m.official.zh}" (${m.official.en}) in punctuation only; better follow the official form.`,
          }
        : {
            zh: `第 ${m.line} 行的标签印为「${m.printed}」，官方格式为「${m.official.zh}」；请按官方格式更正。`,
            en: `Line ${m.line} prints the label "${m.printed}"; the official format reads "${m.official.zh}" (${m.official.en}). Correct it.`,
          },
  };
}
