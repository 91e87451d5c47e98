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

export function findMisprints(region: RegionText, expected: Label[], known: Label[]): Misprint[] {
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
    if (region.text.includes(official)) continue;
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

/** A deviation in punctuation alone is a warning; one in wording is an error (or `level`). */
export function misprintFinding(m: Misprint, level: 'error' | 'warning' = 'error'): ImportFinding {
  const punctuationOnly = wording(m.printed) === wording(m.official.zh);
  return {
    rule: 'X-LABEL',
    level: punctuationOnly ? 'warning' : level,
    cells: [],
    expected: m.official.zh,
    actual: m.printed,
    line: m.line,
    message: punctuationOnly
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
