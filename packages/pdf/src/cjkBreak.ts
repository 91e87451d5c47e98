/**
 * Line-break opportunities for Chinese text: between any two Chinese characters, never inside a
 * figure or a Latin word (long addresses may break after / . - _).
 *
 * 避头尾: punctuation that may not start a line is glued to the character before it, and
 * punctuation that may not end a line to the character after it (GB/T 15834).
 */

/** May not start a line: closing marks, pause and stop marks, and the halves of ——/……. */
const NO_LINE_START = new Set('，。、；：？！）》」』】〕〉〗”’％‰…—·,.;:?!)]}%');
/** May not end a line: opening marks. */
const NO_LINE_END = new Set('（《「『【〔〈〖“‘([{');

/** CJK ideographs, kana, CJK and fullwidth punctuation: each may stand on its own in a line. */
const CJK =
  /[\u2E80-\u303F\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF\u2018\u2019\u201C\u201D\u2014\u2026]/u;

/** Latin runs longer than this may break after a slash, dot, hyphen or underscore (URLs). */
const LONG_LATIN = 24;

function latinParts(run: string): string[] {
  if (run.length <= LONG_LATIN) return [run];
  return run.split(/(?<=[/.\-_])/u);
}

/** Units that may not be split: one CJK character, or a run of Latin letters and digits. */
function units(word: string): string[] {
  const out: string[] = [];
  let latin = '';
  for (const ch of word) {
    if (CJK.test(ch)) {
      if (latin) out.push(...latinParts(latin));
      latin = '';
      out.push(ch);
    } else latin += ch;
  }
  if (latin) out.push(...latinParts(latin));
  return out;
}

/** Glues punctuation to its neighbour so that no break falls where 避头尾 forbids one. */
function glue(parts: string[]): string[] {
  const out: string[] = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    if (last !== undefined && (NO_LINE_START.has(part[0]!) || NO_LINE_END.has(last[last.length - 1]!))) {
      out[out.length - 1] = last + part;
    } else out.push(part);
  }
  return out;
}

/**
 * The pieces of a word (text between spaces) between which a line may break: one Chinese
 * character, or a Latin word or figure, with 避头尾 punctuation glued to its neighbour.
 */
export function breakPieces(word: string): string[] {
  return glue(units(word));
}

/** Whether a line of text breaks a 避头尾 rule (used by tests on extracted text). */
export function breaksLineRules(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && (NO_LINE_START.has(t[0]!) || NO_LINE_END.has(t[t.length - 1]!));
}
