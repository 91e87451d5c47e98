/** Sentence bounds in a narrative: a finding points at the sentence that states the figure. */
import type { Lang } from './types.ts';

const END: Record<Lang, RegExp> = { zh: /[。！？!?\n]/g, en: /[.!?](?=\s|$)|\n/g };

/** [start, end) of every sentence, end including its closing mark; blank stretches are skipped. */
export function sentenceBounds(text: string, lang: Lang): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  const push = (end: number) => {
    while (start < end && /\s/.test(text[start]!)) start++;
    if (start < end) out.push([start, end]);
  };
  for (const m of text.matchAll(END[lang])) {
    const end = m[0] === '\n' ? m.index : m.index + m[0].length;
    push(end);
    start = m.index + m[0].length;
  }
  push(text.length);
  return out;
}
