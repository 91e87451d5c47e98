/**
 * What a narrative claims about the tables: each stated figure with the cells it names, the claims
 * that something did not happen (「未收到…申请」) and that every case was upheld (「均获维持」), and
 * stated shares (「占33.9%」). Each claim knows whether the tables agree.
 */
import { cellIndex, cellName, narrativeBlocks } from '../cells.ts';
import type { FormatDef, Label, ReportData } from '../types.ts';
import { amountUnits, countOf } from '../values.ts';
import { type Figure, findFigures } from './figures.ts';
import { keptByText } from './keptByText.ts';
import { formatPhrases, type Phrase, SUBJECTS, type Subject } from './phrases.ts';
import { sentenceBounds } from './sentences.ts';
import type { Lang, Reading, TextRange } from './types.ts';

export type ClaimKind = 'figure' | 'none' | 'upheld' | 'share';

export interface ReadingValue extends Reading {
  /** The sum of the cells as printed: a count, or an amount in 万元. */
  value: string;
}

export interface Claim {
  kind: ClaimKind;
  /** The sentence that makes the claim. */
  sentence: TextRange;
  /** The figure or the words of the claim. */
  span: TextRange;
  /** As written: 「48件」, 「未收到政府信息公开申请」. */
  stated: string;
  /** The phrase before the figure, for messages: 「新收政府信息公开申请48件」. */
  phrase: string;
  readings: ReadingValue[];
  /** The index of the first reading the tables agree with, or −1. */
  matched: number;
}

const LANGS: Lang[] = ['zh', 'en'];
/** How far before (Chinese) or around (English) a figure its naming phrase may stand. */
const REACH = 30;

function sumCounts(cells: string[], data: ReportData): number {
  return cells.reduce((s, c) => s + countOf(data.cells[c]), 0);
}

/** Amount cells summed, in units of 0.0001 万元 (= 1 元). */
function sumAmounts(cells: string[], data: ReportData): bigint {
  return cells.reduce((s, c) => s + amountUnits(data.cells[c]), 0n);
}

function unitsString(units: bigint): string {
  const int = units / 10000n;
  const frac = (units % 10000n).toString().padStart(4, '0').replace(/0+$/, '');
  return frac ? `${int}.${frac}` : String(int);
}

/** A stated amount in units of 1 元 ×10⁻² (分), or undefined when it has finer decimals. */
function statedFen(figure: Figure): bigint | undefined {
  const shift = figure.unit === 'wanYuan' ? 6 : 2;
  const [int, frac = ''] = figure.value.split('.');
  if (frac.length > shift) return undefined;
  return BigInt(int!) * 10n ** BigInt(shift) + BigInt(frac.padEnd(shift, '0') || '0');
}

function withValues(phrase: Phrase, data: ReportData): ReadingValue[] {
  return phrase.readings.map((r) => ({
    ...r,
    value:
      phrase.unit === 'amount' ? unitsString(sumAmounts(r.cells, data)) : String(sumCounts(r.cells, data)),
  }));
}

function agrees(phrase: Phrase, figure: Figure, reading: ReadingValue, data: ReportData): boolean {
  if (phrase.unit === 'count') return Number(figure.value) === Number(reading.value);
  return statedFen(figure) === sumAmounts(reading.cells, data) * 100n;
}

interface Hit {
  start: number;
  end: number;
}

function hitsOf(pattern: RegExp, text: string, from: number, to: number): Hit[] {
  const out: Hit[] = [];
  pattern.lastIndex = 0;
  for (const m of text.slice(from, to).matchAll(pattern))
    if (m[0]) out.push({ start: from + m.index, end: from + m.index + m[0].length });
  return out;
}

/**
 * A pattern's hits in the whole of a text, kept for the last text each pattern was run on: every
 * figure of a passage asks for the subject words before it, and scanning the passage from its start
 * once per figure made a report's check grow with figures × length.
 */
const wholeTextHits = new Map<RegExp, { text: string; hits: Hit[] }>();
function hitsBefore(pattern: RegExp, text: string, at: number): Hit[] {
  let kept = wholeTextHits.get(pattern);
  if (kept?.text !== text) {
    kept = { text, hits: hitsOf(pattern, text, 0, text.length) };
    wholeTextHits.set(pattern, kept);
  }
  return kept.hits.filter((h) => h.end <= at);
}

/** The subject whose word stands last before `at` (English: or first after it, before `to`). */
function subjectAt(text: string, lang: Lang, at: number, after: number): Subject | undefined {
  let before: { subject: Subject; end: number } | undefined;
  let next: { subject: Subject; start: number } | undefined;
  for (const [subject, w] of Object.entries(SUBJECTS) as [Subject, Record<Lang, RegExp>][]) {
    const last = hitsBefore(w[lang], text, at).at(-1);
    if (last && (!before || last.end > before.end)) before = { subject, end: last.end };
    if (lang === 'en') {
      // 「1,256 licensing decisions」: the subject follows the figure.
      const first = hitsOf(w.en, text, at, after)[0];
      if (first && (!next || first.start < next.start)) next = { subject, start: first.start };
    }
  }
  return (next ?? before)?.subject;
}

/** The phrase nearest the figure: before it in Chinese, before or after it in English. */
function phraseAt(
  phrases: Phrase[],
  text: string,
  lang: Lang,
  from: number,
  figure: Figure,
  to: number,
): { phrase: Phrase; hit: Hit } | undefined {
  let best: { phrase: Phrase; distance: number; length: number; hit: Hit } | undefined;
  const consider = (phrase: Phrase, hit: Hit, distance: number) => {
    const length = hit.end - hit.start;
    if (!best || distance < best.distance || (distance === best.distance && length > best.length))
      best = { phrase, distance, length, hit };
  };
  for (const phrase of phrases) {
    for (const hit of hitsOf(phrase.words[lang], text, Math.max(from, figure.start - REACH), figure.start))
      consider(phrase, hit, figure.start - hit.end);
    if (lang === 'en') {
      const next = hitsOf(phrase.words.en, text, figure.end, Math.min(to, figure.end + REACH))[0];
      if (next) consider(phrase, next, next.start - figure.end);
    }
  }
  return best && { phrase: best.phrase, hit: best.hit };
}

const UNITS_OF: Record<Phrase['unit'], Figure['unit'][]> = {
  count: ['count', 'none'],
  amount: ['wanYuan', 'yuan'],
};

/** Figures that are changes or rates, not the figures of a cell. */
const NOT_A_CELL: Record<Lang, RegExp> = {
  zh: /(?:同比|增长|下降|增加|减少|提高|上升|降低|率为?|约|近|超过|余)\s*$/,
  en: /(?:increased?|decreased?|rose|fell|up by|down by|rate of|about|nearly|more than|some)\s*(?:of|by)?\s*$/i,
};

/**
 * A claim as the text alone makes it: what is stated and which cells it names. Its readings' values
 * and whether the tables agree come from the data (`withData`), so that an autosave that changed a
 * cell does not read every passage again.
 */
type TextClaim = Omit<Claim, 'readings' | 'matched'> &
  (
    | { kind: 'figure'; figure: Figure; named: Phrase }
    | { kind: 'share'; figure: Figure; part: { value: number; phrase: Phrase } }
    | { kind: 'none' | 'upheld'; cells: string[] }
  );

function figureClaims(format: FormatDef, block: string, lang: Lang, text: string): TextClaim[] {
  const phrases = formatPhrases(format);
  const out: TextClaim[] = [];
  const figures = findFigures(text);
  for (const [sStart, sEnd] of sentenceBounds(text, lang)) {
    const inSentence = figures.filter((f) => f.start >= sStart && f.end <= sEnd);
    let lastRowClaim: { cells: string[] } | undefined;
    let lastCount: { value: number; phrase: Phrase } | undefined;
    // English words after a figure name that figure (「48 new requests」), not the next one.
    let taken = sStart;
    inSentence.forEach((figure, i) => {
      const from = Math.max(taken, i === 0 ? sStart : inSentence[i - 1]!.end);
      const to = inSentence[i + 1]?.start ?? sEnd;
      const sentence: TextRange = { block, lang, start: sStart, end: sEnd };
      const span: TextRange = { block, lang, start: figure.start, end: figure.end };
      const stated = figure.text.trim();
      const lead = text.slice(Math.max(from, figure.start - REACH), figure.start);
      if (figure.unit === 'percent') {
        if (lastCount && wholeOf(lastCount.phrase.subject).length && !NOT_A_CELL[lang].test(lead))
          out.push({ kind: 'share', sentence, span, stated, phrase: stated, figure, part: lastCount });
        return;
      }
      if (NOT_A_CELL[lang].test(lead) || /[余多]$/.test(text.slice(figure.end, figure.end + 1))) return;
      const subject = subjectAt(text, lang, figure.start, to);
      if (!subject) return;
      const ofSubject = phrases.filter(
        (p) => p.subject === subject && UNITS_OF[p.unit].includes(figure.unit),
      );
      const found = phraseAt(ofSubject, text, lang, from, figure, to);
      if (!found) return;
      if (found.hit.start > figure.start) taken = found.hit.end;
      let phrase = found.phrase;
      if (phrase.column) {
        // 「其中自然人38件」: the column of the row the sentence last named.
        if (!lastRowClaim) return;
        const cells = lastRowClaim.cells.map((c) => c.replace(/\.total$/, `.${phrase.column}`));
        phrase = { ...phrase, readings: [{ cells, name: nameOfCells(format, cells) }] };
      }
      out.push({
        kind: 'figure',
        sentence,
        span,
        stated,
        phrase: text
          .slice(Math.min(found.hit.start, figure.start), Math.max(figure.end, found.hit.end))
          .trim(),
        figure,
        named: phrase,
      });
      if (!phrase.column && phrase.subject === 'applications') lastRowClaim = phrase.readings[0];
      if (phrase.unit === 'count') lastCount = { value: Number(figure.value), phrase };
    });
  }
  return out;
}

function nameOfCells(format: FormatDef, cells: string[]): Label {
  const index = cellIndex(format);
  const defs = cells.map((c) => index.get(c)!);
  return {
    zh: defs.map((d) => cellName(d, 'zh')).join(' + '),
    en: defs.map((d) => cellName(d, 'en')).join(' + '),
  };
}

function reading(format: FormatDef, data: ReportData, cells: string[]): ReadingValue {
  return { cells, name: nameOfCells(format, cells), value: String(sumCounts(cells, data)) };
}

const T3_TOTAL = (row: string) => `t3.${row}.total`;
const LITIGATION = ['litigation_direct', 'litigation_after_review'];

/** The cells whose sum is the whole of a subject's cases (the base of a share, or what 「未发生」 denies). */
function wholeOf(subject: Subject): string[][] {
  if (subject === 'applications')
    return [
      [T3_TOTAL('results_total')],
      [T3_TOTAL('new_received')],
      [T3_TOTAL('new_received'), T3_TOTAL('carried_over')],
    ];
  if (subject === 'review') return [['t4.review.total']];
  if (subject === 'litigation') return [LITIGATION.map((g) => `t4.${g}.total`)];
  return [];
}

/** 「占41.7%」 after a figure: that figure's share of the whole it belongs to, within rounding. */
function shareReadings(
  format: FormatDef,
  data: ReportData,
  part: { value: number; phrase: Phrase },
  figure: Figure,
): Pick<Claim, 'readings' | 'matched'> {
  const decimals = figure.value.split('.')[1]?.length ?? 0;
  const stated = Number(figure.value);
  const readings = wholeOf(part.phrase.subject).map((cells) => {
    const base = sumCounts(cells, data);
    const share = base === 0 ? Number.NaN : (100 * part.value) / base;
    return {
      ...reading(format, data, cells),
      value: Number.isNaN(share) ? '—' : `${share.toFixed(decimals)}%`,
    };
  });
  const matched = readings.findIndex((r) => {
    const base = sumCounts(r.cells, data);
    return base > 0 && Math.abs(stated - (100 * part.value) / base) <= 0.5 * 10 ** -decimals + 1e-9;
  });
  return { readings, matched };
}

const NONE: Record<Lang, RegExp> = {
  zh: /(?:未|没有|无)(?:收到|发生|受理|产生|出现|接到)[^，。；！？\n]{0,20}/g,
  en: /\b(?:no|did not receive any|there were no)\s+(?:[\w-]+\s+){0,4}?(?:requests?|applications?|reconsiderations?|lawsuits?|litigation)\b/gi,
};
const UPHELD: Record<Lang, RegExp> = {
  zh: /(?:均|全部|都)(?:获|被|予以)?(?:结果)?维持/g,
  en: /\ball\s+(?:were\s+|was\s+)?upheld\b/gi,
};

/** The subjects (requests, reconsiderations, lawsuits) named in a stretch of text, in that order. */
function casesNamed(text: string, lang: Lang): Subject[] {
  const found = (['review', 'litigation'] as const).filter(
    (s) => hitsOf(SUBJECTS[s][lang], text, 0, text.length).length,
  );
  if (found.length) return found;
  return hitsOf(SUBJECTS.applications[lang], text, 0, text.length).length ? ['applications'] : [];
}

function wordClaims(block: string, lang: Lang, text: string): TextClaim[] {
  const out: TextClaim[] = [];
  const sentences = sentenceBounds(text, lang);
  const sentenceOf = (at: number): TextRange => {
    const [start, end] = sentences.find(([s, e]) => at >= s && at < e) ?? [at, at];
    return { block, lang, start, end };
  };
  NONE[lang].lastIndex = 0;
  for (const m of text.matchAll(NONE[lang])) {
    for (const subject of casesNamed(m[0], lang)) {
      out.push({
        kind: 'none',
        sentence: sentenceOf(m.index),
        span: { block, lang, start: m.index, end: m.index + m[0].length },
        stated: m[0],
        phrase: m[0],
        cells: wholeOf(subject).at(subject === 'applications' ? 1 : 0)!,
      });
    }
  }
  UPHELD[lang].lastIndex = 0;
  for (const m of text.matchAll(UPHELD[lang])) {
    const sentence = sentenceOf(m.index);
    let subjects = casesNamed(text.slice(sentence.start, m.index), lang).filter((s) => s !== 'applications');
    if (!subjects.length) {
      const last = subjectAt(text, lang, m.index, m.index);
      subjects = last === 'review' || last === 'litigation' ? [last] : [];
    }
    for (const subject of subjects) {
      const groups = subject === 'review' ? ['review'] : LITIGATION;
      out.push({
        kind: 'upheld',
        sentence,
        span: { block, lang, start: m.index, end: m.index + m[0].length },
        stated: m[0],
        phrase: text.slice(sentence.start, m.index + m[0].length),
        cells: groups.flatMap((g) => ['corrected', 'other', 'pending'].map((o) => `t4.${g}.${o}`)),
      });
    }
  }
  return out;
}

/** A claim's readings with the values the tables hold now, and the first one they agree with. */
function withData(format: FormatDef, data: ReportData, claim: TextClaim): Claim {
  const { sentence, span, stated, phrase } = claim;
  const made = { kind: claim.kind, sentence, span, stated, phrase };
  if (claim.kind === 'figure') {
    const readings = withValues(claim.named, data);
    const matched = readings.findIndex((r) => agrees(claim.named, claim.figure, r, data));
    return { ...made, readings, matched };
  }
  if (claim.kind === 'share') return { ...made, ...shareReadings(format, data, claim.part, claim.figure) };
  // 「未收到…」 and 「均获维持」 deny that any case is in the cells.
  const r = reading(format, data, claim.cells);
  return { ...made, readings: [r], matched: r.value === '0' ? 0 : -1 };
}

/** The claims of one passage, read once per text and format (see keptByText.ts). */
const passages = keptByText<FormatDef, TextClaim[]>(512);
function passageClaims(format: FormatDef, block: string, lang: Lang, text: string): TextClaim[] {
  return passages(format, `${block}\u0000${lang}\u0000${text}`, () =>
    [...figureClaims(format, block, lang, text), ...wordClaims(block, lang, text)].sort(
      (a, b) => a.span.start - b.span.start,
    ),
  );
}

/** Every claim of every narrative block, Chinese then English, in reading order. */
export function readClaims(format: FormatDef, data: ReportData): Claim[] {
  const out: Claim[] = [];
  // The opening statement states no table figures; its digits are dates, a postcode and a phone number.
  for (const block of narrativeBlocks(format).filter((b) => b.role !== 'opening')) {
    for (const lang of LANGS) {
      const text = data.narrative[block.id]?.[lang];
      if (text)
        out.push(...passageClaims(format, block.id, lang, text).map((c) => withData(format, data, c)));
    }
  }
  return out;
}
