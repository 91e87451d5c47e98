/**
 * Label comparison. Published reports print the official labels with half-width punctuation, line
 * breaks and spaces inside words, and the odd typo; labels are compared in a normal form and, where
 * needed, by edit distance — always against the labels of the format definition.
 */

/** The normal form of a label: NFKC (full-width → half-width), no whitespace, one kind of quote and dash. */
export function normaliseLabel(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000|]+/g, '')
    .replace(/[“”„‟″"＂「」]/g, '"')
    .replace(/[‘’']/g, "'")
    .replace(/[—–－‐-]+/g, '-')
    .replace(/[．]/g, '.');
}

/** Levenshtein distance, bounded: returns `max + 1` as soon as the distance must exceed `max`. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      row.push(value);
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * How many edits a printed label may be away from the official one and still be recognised: about
 * a third of its length (「2.其他法律行政止公开」 drops 3 of 14 characters), at least 1.
 */
export function tolerance(label: string): number {
  return Math.max(1, Math.ceil(label.length * 0.3));
}

export interface ApproxMatch {
  start: number;
  end: number;
  distance: number;
}

/**
 * The substring of `text` closest to `pattern` (Sellers' approximate matching), if it is within
 * `max` edits. Both strings are expected in normal form.
 */
export function findApprox(text: string, pattern: string, max: number): ApproxMatch | undefined {
  if (pattern.length === 0) return undefined;
  const exact = text.indexOf(pattern);
  if (exact >= 0) return { start: exact, end: exact + pattern.length, distance: 0 };
  const m = pattern.length;
  // Column j of the DP holds, for each pattern prefix, the best distance of a substring ending at j
  // and the start where that substring begins.
  let dist = Array.from({ length: m + 1 }, (_, i) => i);
  let start = Array.from({ length: m + 1 }, () => 0);
  let best: ApproxMatch | undefined;
  for (let j = 1; j <= text.length; j++) {
    const nd = [0];
    const ns = [j];
    for (let i = 1; i <= m; i++) {
      const cost = pattern[i - 1] === text[j - 1] ? 0 : 1;
      let d = dist[i - 1]! + cost;
      let s = start[i - 1]!;
      if (dist[i]! + 1 < d) {
        d = dist[i]! + 1;
        s = start[i]!;
      }
      if (nd[i - 1]! + 1 < d) {
        d = nd[i - 1]! + 1;
        s = ns[i - 1]!;
      }
      nd.push(d);
      ns.push(s);
    }
    dist = nd;
    start = ns;
    if (dist[m]! <= max && (!best || dist[m]! < best.distance))
      best = { start: start[m]!, end: j, distance: dist[m]! };
  }
  return best;
}

/**
 * How well the end of `text` matches `label`: the smallest edit distance between `label` and a
 * suffix of `text` of about the label's length.
 */
export function suffixDistance(
  text: string,
  label: string,
  max: number,
): { distance: number; length: number } {
  let best = { distance: max + 1, length: 0 };
  for (let k = Math.max(1, label.length - max); k <= label.length + max && k <= text.length; k++) {
    const d = editDistance(text.slice(-k), label, best.distance - 1);
    if (d < best.distance) best = { distance: d, length: k };
    if (d === 0) break;
  }
  return best;
}

/** Whether every character of `needle` occurs in `haystack` in order (a label whose lines a layout interleaved with others). */
export function isSubsequence(needle: string, haystack: string): boolean {
  let i = 0;
  for (const ch of haystack) if (ch === needle[i]) i++;
  return i === needle.length;
}
