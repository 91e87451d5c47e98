/** Label text as a narrative writes it: the official row labels without their numbering and notes. */
import type { Label } from '../types.ts';

const NUMBERING = /^(?:（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、|\d+\.\s*|\(\d+\)\s*)/;
const NOTE = /\s*(?:（[^）]*）|\([^)]*\))$/;

/** 「（二）部分公开（区分处理的，…）」 → 「部分公开」, 「(2) Partly disclosed (counted …)」 → 「Partly disclosed」. */
export function shortLabel(label: Label): Label {
  const short = (text: string) => text.replace(NUMBERING, '').replace(NOTE, '');
  return { zh: short(label.zh), en: short(label.en) };
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
