/**
 * The filler's reason for carried-over figures that differ from last year's report (X-CARRY,
 * R2-STOCK) as a sentence of section 六 (其他需要报告的事项), for a body that wants the published
 * report to say it and not only the reviewer (issue 18 item 6). The sentence is a paragraph of its
 * own, found again by its opening words, so that writing it a second time replaces it.
 */
import { narrativeBlocks } from '../cells.ts';
import type { FormatDef, NarrativeBlock } from '../types.ts';
import type { Lang } from './types.ts';

const OPENING = {
  zh: (y: number) => `本报告所列上年结转数与${y}年度报告所列数字不一致，原因是：`,
  en: (y: number) =>
    `The figures carried over in this report differ from those of the ${y} report. The reason: `,
};

/**
 * Where 六's other matters go: the format's last narrative block (2021: （五）其他报告事项, 2019: 六's
 * one body) — the same place the 汇总 writes its scope note.
 */
export function otherMattersBlock(format: FormatDef): NarrativeBlock {
  return narrativeBlocks(format).at(-1)!;
}

/** The sentence for a report of `year`: last year's report named, the note as written, closed with a stop. */
export function carryNoteSentence(year: number, note: string, lang: Lang): string {
  const reason = note.trim().replace(/\s*\n+\s*/g, ' ');
  const stop = /[。．.！!？?]$/.test(reason) ? '' : lang === 'zh' ? '。' : '.';
  return `${OPENING[lang](year - 1)}${reason}${stop}`;
}

/**
 * `text` with the sentence in it: the paragraph written before replaced, otherwise a new last
 * paragraph. An empty note takes the paragraph out.
 */
export function withCarryNote(text: string, year: number, note: string, lang: Lang): string {
  const opening = OPENING[lang](year - 1);
  const paragraphs = text === '' ? [] : text.split('\n');
  const at = paragraphs.findIndex((p) => p.trimStart().startsWith(opening));
  const sentence = note.trim() ? carryNoteSentence(year, note, lang) : null;
  if (at >= 0) {
    if (sentence) paragraphs[at] = sentence;
    else paragraphs.splice(at, 1);
  } else if (sentence) {
    paragraphs.push(sentence);
  }
  return paragraphs.join('\n');
}

/** Whether `text` holds the sentence for this note as it is now (nothing to write). */
export function hasCarryNote(text: string, year: number, note: string, lang: Lang): boolean {
  return note.trim() !== '' && text.split('\n').some((p) => p.trim() === carryNoteSentence(year, note, lang));
}

/** Whether `text` holds a sentence on the carried-over figures at all (current or not). */
export function mentionsCarryNote(text: string, year: number, lang: Lang): boolean {
  const opening = OPENING[lang](year - 1);
  return text.split('\n').some((p) => p.trimStart().startsWith(opening));
}
