/**
 * Line-break opportunities for Chinese text in react-pdf. Its line breaker only breaks at spaces
 * and at the parts a hyphenation callback returns, so a Chinese run is handed back one character
 * at a time, each followed by an empty part: an empty part becomes a zero-width break without a
 * hyphen (a bare split would print a hyphen at every break).
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

/** The pieces of a word between which a line may break, in the form react-pdf expects. */
export function cjkBreakParts(word: string): string[] {
  return glue(units(word)).flatMap((part) => [part, '']);
}

const cache = new Map<string, string[]>();
const CACHE_LIMIT = 20_000;

/**
 * react-pdf hyphenation callback: Chinese-containing words get CJK break points, other words
 * react-pdf's own English hyphenation (narrow table cells need it for words like "Corrected").
 */
export function hyphenationCallback(word: string, builtin?: (word: string) => string[]): string[] {
  if (!CJK.test(word)) return builtin && word.trim() ? builtin(word) : [word];
  let parts = cache.get(word);
  if (!parts) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    parts = cjkBreakParts(word);
    cache.set(word, parts);
  }
  return parts;
}

/** Latin words at least this long may be split in a table cell even without a hyphenation point. */
const LONG_WORD = 8;

/**
 * For table cells, whose columns can be narrower than an English word: a long word for which the
 * hyphenation patterns know no break point ("providers") may break before its last three letters,
 * rather than run across the column line.
 */
export function tableHyphenation(word: string, builtin?: (word: string) => string[]): string[] {
  const parts = hyphenationCallback(word, builtin);
  const letters = /^\p{L}+$/u;
  if (parts.length === 1 && word.length >= LONG_WORD && letters.test(word))
    return [word.slice(0, -3), word.slice(-3)];
  return parts;
}

/** For headings and titles: Chinese break points, but English words are never hyphenated. */
export function noHyphenation(word: string): string[] {
  return hyphenationCallback(word);
}

/** Whether a line of text breaks a 避头尾 rule (used by tests on extracted text). */
export function breaksLineRules(line: string): boolean {
  const t = line.trim();
  return t.length > 0 && (NO_LINE_START.has(t[0]!) || NO_LINE_END.has(t[t.length - 1]!));
}
